"""County sync: the protocol's messages, the laptop's outbox and client, the merge, and the
county server (``caseworker.sync.county``). See docs/sync-protocol.md."""
