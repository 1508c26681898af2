"""`python -m sitegen.publish SITE_DIR [--manifest pages.json]`: run the publish step on a built site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitegen.content.errors import DataError
from sitegen.content.updates import published_only
from sitegen.content.validate import load_site
from sitegen.pages.generate import MANIFEST, generated_dir
from sitegen.pages.manifest import read_manifest
from sitegen.project import PROJECT_DIR
from sitegen.publish.site import publish_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site_dir", type=Path, help="the folder an engine built from the generated pages")
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data", help="finds the manifest if not given")
    parser.add_argument("--manifest", type=Path, help="the page manifest `generate` wrote")
    args = parser.parse_args(argv)
    manifest = read_manifest(args.manifest or generated_dir(PROJECT_DIR, args.data) / MANIFEST)
    try:  # the model is read again from the data folder named in the manifest (drafts as generate had them)
        site = load_site(Path(manifest.data_dir))
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    publish_site(args.site_dir, manifest, site if manifest.drafts else published_only(site))
    print(f"Published {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
