#!/usr/bin/env python3
"""Inspects the packages `dotnet pack OrBench.sln -o DIR` wrote and fails on anything a NuGet publisher would miss.

Per .nupkg: a .snupkg beside it; a nuspec with repository url + commit, a licence expression, an icon and a readme
that are in the package, non-empty release notes; a README without relative links (they break on nuget.org); one
version for the whole family; Microsoft.Extensions.* dependencies of one major version (so the packages never pull a
newer Microsoft.Extensions major into an app than the one they need together); and for a .NET tool, a runtimeconfig
that rolls forward to newer major runtimes.

Usage: inspect-packages.py DIR            exit 0 when every package passes, 1 with one line per problem otherwise.
"""
import glob, json, os, re, sys, zipfile
import xml.etree.ElementTree as ET

def local(tag):
    return tag.rsplit('}', 1)[-1]

def inspect(path, problems):
    name = os.path.basename(path)
    def fail(message):
        problems.append(f"{name}: {message}")
    if not os.path.exists(path[:-len('.nupkg')] + '.snupkg'):
        fail("no .snupkg symbol package beside it")
    with zipfile.ZipFile(path) as package:
        entries = set(package.namelist())
        nuspecs = [e for e in entries if e.endswith('.nuspec') and '/' not in e]
        if len(nuspecs) != 1:
            fail(f"expected one nuspec at the root, found {len(nuspecs)}")
            return None
        root = ET.fromstring(package.read(nuspecs[0]))
        metadata = next(e for e in root if local(e.tag) == 'metadata')
        fields = {local(e.tag): e for e in metadata}
        repository = fields.get('repository')
        if repository is None or not repository.get('url', '').startswith('https://'):
            fail("nuspec <repository> has no https url (PublishRepositoryUrl)")
        if repository is None or not re.fullmatch(r'[0-9a-f]{40}', repository.get('commit', '')):
            fail("nuspec <repository> has no commit")
        license = fields.get('license')
        if license is None or license.get('type') != 'expression' or not (license.text or '').strip():
            fail("nuspec has no <license type=\"expression\">")
        for field in ('icon', 'readme'):
            value = (fields[field].text or '').strip() if field in fields else ''
            if not value:
                fail(f"nuspec has no <{field}>")
            elif value not in entries:
                fail(f"nuspec <{field}> names {value}, which is not in the package")
        if not (fields.get('releaseNotes') is not None and (fields['releaseNotes'].text or '').strip()):
            fail("nuspec has no <releaseNotes>")
        readme = (fields['readme'].text or '').strip() if 'readme' in fields else ''
        if readme in entries:
            text = package.read(readme).decode('utf-8')
            relative = [m for m in re.findall(r'\]\(([^)\s]+)', text) if not re.match(r'(https?:|mailto:|#)', m)]
            if relative:
                fail(f"{readme} has relative links that break on nuget.org: {', '.join(relative[:5])}")
        extensions = {}
        for dependency in root.iter():
            if local(dependency.tag) == 'dependency' and dependency.get('id', '').startswith('Microsoft.Extensions.'):
                extensions[dependency.get('id')] = dependency.get('version')
        for entry in entries:
            if entry.endswith('.runtimeconfig.json') and entry.startswith('tools/'):
                config = json.loads(package.read(entry).decode('utf-8-sig'))
                if config.get('runtimeOptions', {}).get('rollForward') != 'Major':
                    fail(f"{entry} does not roll forward to newer major runtimes (RollForward=Major)")
        return (fields['version'].text or '').strip(), extensions

def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    packages = sorted(p for p in glob.glob(os.path.join(sys.argv[1], '*.nupkg')))
    problems = []
    if not packages:
        problems.append(f"no .nupkg in {sys.argv[1]}")
    versions, extensions = {}, {}
    for path in packages:
        found = inspect(path, problems)
        if found:
            versions[os.path.basename(path)] = found[0]
            for dep, version in found[1].items():
                extensions.setdefault(re.sub(r'[\[\]( ]', '', version).split(',')[0].split('.')[0], []).append(f"{os.path.basename(path)} -> {dep} {version}")
    if len(set(versions.values())) > 1:
        problems.append("the family has more than one version: " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    if len(extensions) > 1:
        problems.append("Microsoft.Extensions.* dependencies of several majors: " + "; ".join(sorted(sum(extensions.values(), []))))
    for problem in problems:
        print(f"package inspection: {problem}")
    print(f"package inspection: {len(packages)} package(s), {len(problems)} problem(s)")
    return 1 if problems else 0

if __name__ == '__main__':
    sys.exit(main())
