"""Bar, column and heat-map charts as SVG strings."""

from __future__ import annotations

import hashlib

from generator.stats import Cell
from generator.untrusted import escape_html as esc

BAR = "#3f51b5"
SUPPRESSED = "#9e9e9e"
TEXT = "#212121"
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _ids(title: str) -> tuple[str, str]:
    # Stable ids from the title: several charts on one page, same ids on every build.
    digest = hashlib.sha1(title.encode()).hexdigest()[:8]
    return f"chart-{digest}-title", f"chart-{digest}-desc"


def _open(width: int, height: int, title: str, description: str) -> list[str]:
    title_id, desc_id = _ids(title)
    return [f'<svg xmlns="http://www.w3.org/2000/svg" class="nm-chart" viewBox="0 0 {width} {height}" '
            f'width="100%" role="img" aria-labelledby="{title_id} {desc_id}" {FONT}>',
            f'<title id="{title_id}">{esc(title)}</title>', f'<desc id="{desc_id}">{esc(description)}</desc>']


def bar_chart(title: str, cells: list[Cell], k: int, *, label_width: int = 230, width: int = 640) -> str:
    """Horizontal bars, one per category, longest count = full width."""
    row, top = 22, 8
    height = top * 2 + row * max(1, len(cells))
    longest = max([cell.shown or 0 for cell in cells] + [k])
    scale = (width - label_width - 70) / longest
    parts = _open(width, height, title, _describe(cells, k))
    for index, cell in enumerate(cells):
        y = top + index * row
        parts.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end" fill="{TEXT}">{esc(cell.label)}</text>')
        parts += _bar(label_width, y + 3, cell, k, scale)
    parts.append("</svg>")
    return "\n".join(parts)


def column_chart(title: str, cells: list[Cell], k: int, *, width: int = 640, height: int = 220) -> str:
    """Vertical columns in time order (years or months)."""
    bottom, left = 40, 10
    longest = max([cell.shown or 0 for cell in cells] + [k])
    column = (width - 2 * left) / max(1, len(cells))
    scale = (height - bottom - 20) / longest
    parts = _open(width, height, title, _describe(cells, k))
    for index, cell in enumerate(cells):
        x = left + index * column
        value = cell.shown if cell.shown is not None else k - 1
        bar_height = max(1.0, value * scale) if value else 0
        y = height - bottom - bar_height
        style = f'fill="{BAR}"' if cell.shown is not None else f'fill="none" stroke="{SUPPRESSED}" stroke-dasharray="4 3"'
        parts.append(f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{column - 4:.1f}" height="{bar_height:.1f}" {style}/>')
        label = str(cell.shown) if cell.shown is not None else f"<{k}"
        parts.append(f'<text x="{x + column / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" fill="{TEXT}">{esc(label)}</text>')
        if len(cells) <= 24 or index % max(1, len(cells) // 12) == 0:
            parts.append(f'<text x="{x + column / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                         f'fill="{TEXT}">{esc(cell.label)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def heat_map(title: str, row_labels: list[str], column_labels: list[str], table: list[list[Cell]], k: int) -> str:
    """A grid of cells shaded by count; suppressed cells are outlined and marked '<k'."""
    cell_size, left, top = 26, 230, 150
    width = left + cell_size * len(column_labels) + 10
    height = top + cell_size * len(row_labels) + 10
    longest = max([cell.shown or 0 for row in table for cell in row] + [1])
    description = (f"{len(row_labels)} rows by {len(column_labels)} columns; counts below {k} are shown as "
                   f"fewer than {k}. The same numbers are in the table below the chart.")
    parts = _open(width, height, title, description)
    for index, label in enumerate(column_labels):
        x = left + index * cell_size + cell_size / 2
        parts.append(f'<text transform="translate({x:.1f},{top - 6}) rotate(-60)" fill="{TEXT}">{esc(label)}</text>')
    for row_index, (label, row) in enumerate(zip(row_labels, table)):
        y = top + row_index * cell_size
        parts.append(f'<text x="{left - 8}" y="{y + 17}" text-anchor="end" fill="{TEXT}">{esc(label)}</text>')
        for column_index, cell in enumerate(row):
            parts.append(_heat_cell(left + column_index * cell_size, y, cell_size, cell, k, longest))
    parts.append("</svg>")
    return "\n".join(parts)


def _bar(x: int, y: int, cell: Cell, k: int, scale: float) -> list[str]:
    if cell.shown is None:
        length = (k - 1) * scale
        return [f'<rect x="{x}" y="{y}" width="{length:.1f}" height="16" fill="none" stroke="{SUPPRESSED}" '
                f'stroke-dasharray="4 3"/>',
                f'<text x="{x + length + 6:.1f}" y="{y + 12}" fill="{TEXT}">fewer than {k}</text>']
    length = cell.shown * scale
    return [f'<rect x="{x}" y="{y}" width="{length:.1f}" height="16" fill="{BAR}"/>',
            f'<text x="{x + length + 6:.1f}" y="{y + 12}" fill="{TEXT}">{cell.shown}</text>']


def _heat_cell(x: float, y: float, size: int, cell: Cell, k: int, longest: int) -> str:
    if cell.shown is None:
        return (f'<rect x="{x}" y="{y}" width="{size - 2}" height="{size - 2}" fill="none" stroke="{SUPPRESSED}" '
                f'stroke-dasharray="2 2"><title>{esc(cell.label)}: fewer than {k}</title></rect>')
    opacity = 0.15 + 0.85 * cell.shown / longest
    return (f'<rect x="{x}" y="{y}" width="{size - 2}" height="{size - 2}" fill="{BAR}" fill-opacity="{opacity:.2f}">'
            f'<title>{esc(cell.label)}: {cell.shown}</title></rect>'
            f'<text x="{x + size / 2 - 1:.1f}" y="{y + size / 2 + 3:.1f}" text-anchor="middle" font-size="10" '
            f'fill="{"#fff" if opacity > 0.6 else TEXT}">{cell.shown}</text>')


def _describe(cells: list[Cell], k: int) -> str:
    shown = [f"{cell.label}: {cell.text(k)}" for cell in cells]
    return "; ".join(shown) if len(shown) <= 30 else f"{len(shown)} values; see the table below the chart."
