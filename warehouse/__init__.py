"""warehouse: the only code that opens the lake.

``LAKE`` is the name the lake is attached under in every connection (re-exported by ``schema``);
it lives here so that the read path (``lake.connect``) needs neither pyarrow nor the schemas.
"""

LAKE = "lake"
