"""Run the site engine over the generated Markdown folder (the build step)."""
