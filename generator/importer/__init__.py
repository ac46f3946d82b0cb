"""`nearmiss import`: turn a CSV or JSONL export of real reports into a content directory.

sources.py reads rows (with their line numbers), spec.py says which column feeds which field, values.py maps
cells to taxonomy slugs and months, ids.py keeps or mints report IDs, prose.py cleans and redacts text and
derives titles and summaries, writer.py writes report files, and run.py puts them together. Nothing is written
unless every row converts: all problems are reported at once, each naming the file, line and column.
"""
