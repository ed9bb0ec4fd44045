#!/usr/bin/env python3
"""Quick starts that compile as printed.

Extracts every quick start from README.md and docs/*.md and proves it works as a new user would use it: the packages
are packed once into a local feed, and each framework's quick start goes into a fresh project outside the repository
(the marked .csproj, then the marked `dotnet add package` lines run literally, then the marked C# files), restored
from that feed plus nuget.org, built, and run with `dotnet test` against a loopback OpenAI-compatible stub.

Markers, each on the line before a fenced block:
  <!-- quickstart-project: FRAMEWORK -->   ```xml     the test project file
  <!-- quickstart-packages: FRAMEWORK -->  ```bash    `dotnet add package` lines
  <!-- quickstart: FRAMEWORK -->           ```csharp  a complete source file (several per framework are allowed)
FRAMEWORK is xunit, xunit-v3 or mstest. Identical blocks in several documents are compiled once.

Usage: .ci/quickstarts.py [--results DIR] [--no-build]   (DIR gets quickstarts.trx for .ci/run's summary;
       --no-build packs what a Release build of OrBench.sln left)
Prints one line per framework and 'N passed, N failed'. Exit 1 on any failure.
"""
import http.server
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "OrBench.Testing.Data", "OrBench.Testing", "OrBench.Testing.Reporting", "OrBench.Testing.FluentAssertions",
    "OrBench.Testing.AwesomeAssertions", "OrBench.Testing.Xunit", "OrBench.Testing.XunitV3", "OrBench.Testing.MSTest",
]
FRAMEWORKS = ["xunit", "xunit-v3", "mstest"]
STEP_TIMEOUT = 600  # seconds for one restore/build/test step
DEADLINE = time.monotonic() + 1500  # the whole check, so a hang cannot eat CI's budget

MARKED = re.compile(r"^<!-- (?P<kind>quickstart(?:-project|-packages)?): (?P<fw>[\w-]+) -->[ \t]*\n```(?P<lang>[\w#+-]*)[ \t]*\n(?P<body>.*?)^```", re.M | re.S)


def blocks():
    found = {fw: {"project": [], "packages": [], "code": []} for fw in FRAMEWORKS}
    files = [ROOT / "README.md"] + sorted((ROOT / "docs").rglob("*.md"))
    for path in files:
        for m in MARKED.finditer(path.read_text(encoding="utf-8")):
            fw, kind = m["fw"], {"quickstart": "code", "quickstart-project": "project", "quickstart-packages": "packages"}[m["kind"]]
            if fw not in found:
                sys.exit(f"{path.relative_to(ROOT)}: unknown quick-start framework '{fw}' (use {', '.join(FRAMEWORKS)})")
            body = m["body"]
            if body not in [b for b, _ in found[fw][kind]]:
                found[fw][kind].append((body, path.relative_to(ROOT)))
    return found


class Stub(http.server.BaseHTTPRequestHandler):
    """An OpenAI-compatible chat endpoint that answers every prompt helpfully (a model that never over-refuses)."""

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length", 0))
        request = json.loads(self.rfile.read(length) or b"{}")
        if not self.path.endswith("/chat/completions"):
            self.send_error(404)
            return
        prompt = next((m.get("content") for m in reversed(request.get("messages", [])) if m.get("role") == "user"), "")
        if isinstance(prompt, list):
            prompt = " ".join(p.get("text", "") for p in prompt if isinstance(p, dict))
        text = "Sure. Here is a careful, practical answer: start with the basics, then check the details."
        body = json.dumps({
            "id": "chatcmpl-stub", "object": "chat.completion", "created": int(time.time()), "model": request.get("model", "stub"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": len(str(prompt)) // 4 + 1, "completion_tokens": 20, "total_tokens": len(str(prompt)) // 4 + 21},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def run(cmd, cwd, env, log):
    remaining = DEADLINE - time.monotonic()
    if remaining <= 0:
        raise TimeoutError("the quick-start check ran out of time")
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"\n$ {' '.join(cmd)}\n")
        out.flush()
        try:
            code = subprocess.run(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, timeout=min(STEP_TIMEOUT, remaining)).returncode
        except subprocess.TimeoutExpired:
            out.write("(timed out)\n")
            return 124
    return code


def tail(log, lines=25):
    text = Path(log).read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join("    " + line for line in text[-lines:])


def main():
    results_dir = None
    if "--results" in sys.argv:
        results_dir = Path(sys.argv[sys.argv.index("--results") + 1])
    found = blocks()
    work = Path(tempfile.mkdtemp(prefix="orbench-quickstarts-"))
    feed = work / "feed"
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
    outcomes = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        pack_log = work / "pack.log"
        # One pack of the solution (every project under src/ is packable; .ci/run has built it, hence --no-build there).
        pack = ["dotnet", "pack", str(ROOT / "OrBench.sln"), "-c", "Release", "-o", str(feed)] + (["--no-build"] if "--no-build" in sys.argv else [])
        if run(pack, ROOT, env, pack_log) != 0 or any(not (feed / f"{p}.0.1.0.nupkg").exists() for p in PACKAGES):
            print(f"quickstarts: packing failed:\n{tail(pack_log)}")
            return report(results_dir, [(fw, False, "pack failed") for fw in FRAMEWORKS])
        # A package cache may hold an older build of the same version: the quick starts must see this one.
        cache = Path(env.get("NUGET_PACKAGES") or Path.home() / ".nuget" / "packages")
        for package in PACKAGES:
            shutil.rmtree(cache / package.lower(), ignore_errors=True)

        test_env = dict(env, ORBENCH_ENDPOINT=f"http://127.0.0.1:{server.server_address[1]}/v1", ORBENCH_MODEL="stub-model", ORBENCH_API_KEY="stub-key")
        for key in ("ORBENCH_RESPONSE_CACHE", "ORBENCH_REPLAY_ONLY", "ORBENCH_RESULTS_DIR"):
            test_env.pop(key, None)
        for fw in FRAMEWORKS:
            outcomes.append(check(fw, found[fw], work, feed, env, test_env))
    finally:
        server.shutdown()
    code = report(results_dir, outcomes)
    if code == 0:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"quickstarts: logs kept in {work}")
    return code


def check(fw, parts, work, feed, env, test_env):
    name = f"QuickStart.{fw.replace('-', '')}"
    if not parts["code"]:
        return (fw, False, "no <!-- quickstart: %s --> C# block in README.md or docs/" % fw)
    if len(parts["project"]) != 1 or len(parts["packages"]) != 1:
        return (fw, False, "needs exactly one quickstart-project and one quickstart-packages block (found %d and %d)" % (len(parts["project"]), len(parts["packages"])))
    project = work / name
    project.mkdir()
    (project / f"{name}.csproj").write_text(parts["project"][0][0], encoding="utf-8")
    (project / "nuget.config").write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <packageSources>\n    <clear />\n'
        f'    <add key="local" value="{escape(str(feed))}" />\n    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />\n'
        f'  </packageSources>\n</configuration>\n', encoding="utf-8")
    for i, (code, source) in enumerate(parts["code"]):
        (project / f"QuickStart{i}.cs").write_text(f"// from {source}\n" + code, encoding="utf-8")
    log = work / f"{name}.log"
    for line in parts["packages"][0][0].splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        args = shlex.split(line)
        if args[:3] != ["dotnet", "add", "package"]:
            return (fw, False, f"the packages block may only hold `dotnet add package` lines: {line}")
        if run(args + ["--no-restore"], project, env, log) != 0:
            return (fw, False, f"`{line}` failed:\n{tail(log)}")
    for step in (["dotnet", "restore"], ["dotnet", "build", "--no-restore"], ["dotnet", "test", "--no-build"]):
        if run(step, project, test_env, log) != 0:
            return (fw, False, f"`{' '.join(step)}` failed:\n{tail(log)}")
    summary = [line for line in Path(log).read_text(encoding="utf-8", errors="replace").splitlines() if "Passed!" in line or "Total tests" in line]
    return (fw, True, summary[-1].strip() if summary else "passed")


def report(results_dir, outcomes):
    passed = sum(1 for _, ok, _ in outcomes if ok)
    failed = len(outcomes) - passed
    for fw, ok, detail in outcomes:
        print(f"quickstart {fw}: {'passed' if ok else 'FAILED'} - {detail}")
    if results_dir is not None:
        results_dir.mkdir(parents=True, exist_ok=True)
        (results_dir / "quickstarts.trx").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010" name="quickstarts">\n'
            f'  <ResultSummary outcome="{"Completed" if failed == 0 else "Failed"}">\n'
            f'    <Counters total="{len(outcomes)}" executed="{len(outcomes)}" passed="{passed}" failed="{failed}" />\n'
            '  </ResultSummary>\n  <Results>\n'
            + "".join(f'    <UnitTestResult testName="quickstart {escape(fw)}" outcome="{"Passed" if ok else "Failed"}" />\n'
                      for fw, ok, _ in outcomes)
            + '  </Results>\n</TestRun>\n', encoding="utf-8")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
