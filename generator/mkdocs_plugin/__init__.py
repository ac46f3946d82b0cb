"""The MkDocs adapter: the only part of nearmiss that imports MkDocs."""
