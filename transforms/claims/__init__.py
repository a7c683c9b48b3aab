"""Claims: who said what (extract, rules, quotes, spans, cues), the entities they are about, and
the amounts they state."""

from typing import TYPE_CHECKING

from newslake.transforms._lazy import lazy_exports

if TYPE_CHECKING:
    from newslake.transforms.claims.extract import CLAIMS_VERSION, Claim, extract_claims
    from newslake.transforms.claims.entities import ClaimEntity, extract_claim_entities
    from newslake.transforms.claims.amounts import AMOUNTS_VERSION, Amount, extract_amounts

__getattr__, __dir__ = lazy_exports(__name__, {
    "CLAIMS_VERSION": "extract",
    "Claim": "extract",
    "extract_claims": "extract",
    "ClaimEntity": "entities",
    "extract_claim_entities": "entities",
    "AMOUNTS_VERSION": "amounts",
    "Amount": "amounts",
    "extract_amounts": "amounts",
})
__all__ = ['AMOUNTS_VERSION', 'Amount', 'CLAIMS_VERSION', 'Claim', 'ClaimEntity', 'extract_amounts', 'extract_claim_entities', 'extract_claims']
