"""The table bench/scale.py prints: one column per corpus size, seconds (and peak RSS) per stage."""

from __future__ import annotations


def stage(measured: dict, name: str, key: str = "stages") -> dict | None:
    for row in (measured.get("stats") or {}).get(key, []):
        if row["stage"] == name:
            return row
    return None


def cell(seconds: float | None, rss: float | None = None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds:.1f} s" + (f" ({rss:,.0f} MB)" if rss else "")


def rows_for(figures: dict) -> list[tuple[str, str]]:
    """(label, cell) for one size."""
    rows = []
    add = rows.append
    imported = figures["import"]
    add(("import (auto-redaction)", cell(imported["seconds"], imported["peak_rss_mb"])))
    cold = figures["check_cold"]
    add(("check, cold", cell(cold["seconds"], cold["stats"].get("stages") and max(
        r["peak_rss_mb"] for r in cold["stats"]["stages"]))))
    for name, label in (("read", "  read + hash files"), ("schema", "  schema"), ("scan", "  identifier scan"),
                        ("kanon", "  k-anonymity")):
        row = stage(cold, name)
        add((label, cell(row and row["seconds"])))
    add(("check, nothing changed", cell(figures["check_warm"]["seconds"])))
    add(("check, one report changed", cell(figures["check_one"]["seconds"])))
    for key, label, short in (("build_cold", "build --preview, cold", "cold"),
                              ("build_one", "build --preview, one changed", "one changed")):
        build = figures[key]
        stats = build["stats"]
        add((label, cell(build["seconds"], build["peak_rss_mb"])))
        add((f"  {short}: check", cell(stats.get("check_seconds"), stats.get("check_peak_rss_mb"))))
        site = {row["stage"]: row for row in stats.get("site_stages", [])}
        load = sum(site[name]["seconds"] for name in ("read", "schema", "scan") if name in site)
        add((f"  {short}: load (report cache)", cell(load)))
        for name in ("gate", "related", "themes", "pages", "markdown", "templates", "pagefind"):
            if name in site:
                add((f"  {short}: {name}", cell(site[name]["seconds"], site[name]["peak_rss_mb"])))
        notes = stats.get("notes", {})
        add((f"  {short}: MkDocs process peak RSS", f"{stats.get('mkdocs_process_peak_rss_mb', 0):,.0f} MB"))
        add((f"  {short}: second renderer peak RSS", f"{notes.get('second_process_peak_rss_mb', 0):,.0f} MB"))
        add((f"  {short}: Pagefind process peak RSS", f"{notes.get('pagefind_peak_rss_mb', 0):,.0f} MB"))
    add(("site size", f"{figures.get('site_mb', 0):,.0f} MB"))
    floor = figures.get("floor")
    if floor:
        add(("floor: mkdocs build", cell(floor["mkdocs"]["seconds"], floor["mkdocs"]["peak_rss_mb"])))
        add(("floor: pagefind", cell(floor["pagefind"]["seconds"], floor["pagefind"]["peak_rss_mb"])))
        add(("floor: total", cell(floor["seconds"])))
        add(("floor site size", f"{floor['site_mb']:,.0f} MB"))
        add(("build cold / floor", f"{figures['build_cold']['seconds'] / floor['seconds']:.2f}x"))
    return rows


def print_table(result: dict) -> None:
    sizes = list(result["sizes"])
    columns = {size: dict(rows_for(figures)) for size, figures in result["sizes"].items()}
    labels = [label for label, _ in rows_for(result["sizes"][sizes[-1]])]
    print("| step | " + " | ".join(f"{int(size):,} reports" for size in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for label in labels:
        print(f"| {label} | " + " | ".join(columns[size].get(label, "-") for size in sizes) + " |")
    if "10000" in columns and "30000" in columns:
        small, large = result["sizes"]["10000"], result["sizes"]["30000"]
        for key, label in (("build_cold", "build, cold"), ("check_cold", "check, cold")):
            print(f"growth 10k -> 30k, {label}: {large[key]['seconds'] / small[key]['seconds']:.2f}x")
        if "floor" in small and "floor" in large:
            print(f"growth 10k -> 30k, floor: {large['floor']['seconds'] / small['floor']['seconds']:.2f}x")
    for size, figures in result["sizes"].items():
        for row in figures.get("search", []):
            print(f"search at {int(size):,}: {row['query']}: {row['search_bytes'] / 1024:.1f} KB "
                  f"in {row['search_requests']} requests; then another query {row.get('next_query_bytes', 0) / 1024:.1f}"
                  f" KB; the page itself {row['page_bytes'] / 1024:.1f} KB")
