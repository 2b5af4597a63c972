"""The county's key pair for pending-changes files (``caseworker.sync.pending_file``).

Made on first need and kept in the county database (table ``county_key``): laptops get the
public half with their enrollment answer and on every sync, and encrypt their exported
files to it; ``county import-pending`` opens them with the private half.
"""

from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from caseworker.sync.county.tables import COUNTY_KEY
from caseworker.sync.pending_file import new_exchange_key

PENDING = "pending"


@dataclass(frozen=True, slots=True)
class CountyKey:
    """An X25519 key pair, base64."""

    private: str
    public: str


def county_pending_key(engine: Engine) -> CountyKey:
    """The county's key pair for pending files, made the first time it is asked for."""
    query = select(COUNTY_KEY.c.private_key, COUNTY_KEY.c.public_key).where(
        COUNTY_KEY.c.name == PENDING
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        private, public = new_exchange_key()
        try:
            with engine.begin() as conn:
                conn.execute(
                    COUNTY_KEY.insert().values(name=PENDING, private_key=private, public_key=public)
                )
        except IntegrityError:
            pass  # another request made it first: that one is the county's key
        with engine.connect() as conn:
            row = conn.execute(query).one()
    return CountyKey(row.private_key, row.public_key)
