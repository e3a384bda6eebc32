"""Screenshot built pages in headless Chromium, to look at them as a reader would.

Usage: python tools/screenshot.py PAGE.html [--dark] [--width 390] [--full]
       [--selector CSS] [--scroll PX] [--out FILE]
Opens site/PAGE over file:// (run `make site` first).
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--full", action="store_true", help="the whole page, not the viewport")
    parser.add_argument("--scroll", type=int, default=0, help="scroll down this many pixels")
    parser.add_argument("--selector", help="scroll this element to the top first")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    out = args.out or Path("/tmp") / f"{Path(args.page).stem}-{'dark' if args.dark else 'light'}-{args.width}.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        context = browser.new_context(
            viewport={"width": args.width, "height": args.height},
            color_scheme="dark" if args.dark else "light",
        )
        page = context.new_page()
        page.goto((ROOT / "site" / args.page).as_uri(), wait_until="load")
        if args.selector:
            page.locator(args.selector).first.evaluate("e => e.scrollIntoView()")
        if args.scroll:
            page.evaluate(f"window.scrollBy(0, {args.scroll})")
        page.wait_for_timeout(600)  # let the header's title transition finish
        page.screenshot(path=str(out), full_page=args.full)
        browser.close()
    print(out)


if __name__ == "__main__":
    main()
