"""Static, accessible SVG charts: no JavaScript, no external requests, a title and a description each.

Every chart is drawn beside a data table with the same numbers (see templates/analysis*.j2), so that nothing is
only in a picture. Suppressed counts (fewer than k cases) are drawn as a dashed outline, never as a length.
"""
