"""Text analysis of the corpus: related reports, curated themes and cluster suggestions.

Data flows one way: the corpus is turned into `Document`s (text.py), vectors are fitted and computed (model.py),
then related links (related.py, topk.py, reasons.py), theme rankings (themes.py) and clusters (clusters.py) are
derived from them. engine.py puts it together behind the analysis cache (cache.py). Nothing here imports MkDocs.
"""
