#!/usr/bin/env bash
# Checks the HTML view of scripts/escape-report in a real browser.
#
#   scripts/test-html-report.sh [WORK_DIR]
#
# Builds examples/multi with the plugin's JSON report, writes the HTML
# view, and loads every page in headless Chromium (installed from Debian
# if missing).  A page fails if it writes anything to the browser console,
# if its script did not run (it adds the "Expand all" button), or if the
# lines marked stack, heap or mixed differ from the JSON report.  It also
# saves a screenshot of a source page, WORK_DIR/words.png.  WORK_DIR
# defaults to build/report-html/.  Exits 1 on a failure.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$repo/build/report-html}

if ! command -v chromium >/dev/null; then
	"$repo/scripts/install-deps.sh" --who test-html-report chromium
fi

rm -rf "$work"
mkdir -p "$work/reports" "$work/dom"
make --no-print-directory -s -C "$repo/examples/multi" OUT="$work/out" \
	PLUGIN="$repo/plugin/escape.so" \
	ESCAPE_ARGS="-fplugin-arg-escape-report=$work/reports"
"$repo/scripts/escape-report" --html "$work/html" "$work/reports" >/dev/null

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# Runs Chromium on the file $1 with the extra options after it; its log,
# with the console messages, goes to $1.log.
browse() {
	local page=$1
	shift
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$profile" --enable-logging=stderr --v=0 \
		"$@" "file://$page" 2>"$page.log"
}

# The console check must be able to fail: a page with an error must show.
printf '<!DOCTYPE html><title>x</title><script>noSuchFunction ();</script>\n' \
	>"$work/broken.html"
browse "$work/broken.html" --dump-dom >/dev/null
if ! grep -q ':CONSOLE' "$work/broken.html.log"; then
	echo "test-html-report: Chromium's log shows no console messages; cannot check pages" >&2
	exit 1
fi

for page in "$work"/html/*.html; do
	browse "$page" --dump-dom >"$work/dom/$(basename "$page")"
done
words_page=$(cd "$work/html" && ls words.c-*.html)
browse "$work/html/$words_page" --window-size=1200,1000 \
	--screenshot="$work/words.png" >/dev/null

python3 - "$work" <<'EOF'
import collections, glob, html.parser, json, os, re, sys

work = sys.argv[1]
failures = []

def check(ok, what):
    if not ok:
        failures.append(what)

# What each line should show, straight from the plugin's JSON report.
decisions = collections.defaultdict(set)
for path in glob.glob(os.path.join(work, "reports", "*.escape.json")):
    for line in open(path):
        site = json.loads(line)
        decisions[(os.path.basename(site["file"]), site["line"])].add(
            site["decision"])
expected = {key: d.pop() if len(d) == 1 else "mixed"
            for key, d in decisions.items()}
# The example's own cases, in case report and view agree on a mistake.
check(expected.get(("words.c", 41)) == "mixed", "words.c:41 is not mixed")
check(expected.get(("log.c", 40)) == "stack", "log.c:40 is not stack")
check(expected.get(("table.c", 60)) == "heap", "table.c:60 is not heap")

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.marked, self.ids, self.title, self.links = {}, set(), "", []
        self.in_h1 = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        cls = (a.get("class") or "").split()
        if tag == "tr" and "site" in cls:
            self.marked[int(a["id"][1:])] = cls[1]
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        self.in_h1 = tag == "h1"
    def handle_data(self, data):
        if self.in_h1:
            self.title += data
    def handle_endtag(self, tag):
        self.in_h1 = False

def parse(name):
    page = Page()
    page.feed(open(os.path.join(work, "dom", name)).read())
    return page

for log in glob.glob(os.path.join(work, "html", "*.log")):
    for line in open(log):
        check(":CONSOLE" not in line,
              "%s: console: %s" % (os.path.basename(log), line.strip()))

index = parse("index.html")
pages = [link for link in index.links if "#" not in link]
check(len(pages) == 5, "index links %d source pages, not 5" % len(pages))
shown = set()
for name in pages:
    page = parse(name)
    source = os.path.basename(page.title)
    shown.add(source)
    want = {line: d for (f, line), d in expected.items() if f == source}
    check(page.marked == want, "%s: marks %s, the report says %s"
          % (source, sorted(page.marked.items()), sorted(want.items())))
    check("toggle-flows" in page.ids, "%s: the page's script did not run"
          % source)
check(shown == {f for f, _ in expected}, "pages for %s, not %s"
      % (sorted(shown), sorted({f for f, _ in expected})))

png = open(os.path.join(work, "words.png"), "rb").read()
check(png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10000,
      "the screenshot is not a PNG of a page")

for f in failures:
    print("test-html-report: FAIL: " + f)
print("test-html-report: %s, %d pages checked, screenshot %s"
      % ("failed" if failures else "ok", len(pages) + 1,
         os.path.join(work, "words.png")))
sys.exit(1 if failures else 0)
EOF
