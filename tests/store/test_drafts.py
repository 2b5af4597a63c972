from caseworker.store.db import Store
from caseworker.store.drafts import delete_draft, list_drafts, save_draft


def test_a_draft_is_overwritten_in_place_and_kept_until_deleted(store: Store) -> None:
    draft_id = save_draft(store, kind="visit", data={"notes": "a"}, worker="王建华")
    assert save_draft(store, kind="visit", data={"notes": "ab"}, draft_id=draft_id) == draft_id
    with store.read() as conn:
        [draft] = list_drafts(conn, kind="visit")
        assert draft.data == {"notes": "ab"} and draft.id == draft_id
        assert list_drafts(conn, kind="other") == []
    delete_draft(store, draft_id)
    with store.read() as conn:
        assert list_drafts(conn) == []
