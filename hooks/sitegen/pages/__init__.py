"""Render the validated model into Markdown pages, feeds and the page manifest (the generate step)."""
