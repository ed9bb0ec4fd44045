#!/usr/bin/env python3
"""A dry parse of Azure Pipelines files: YAML that loads, the keys a pipeline needs, and references that resolve.

No schema validator for Azure Pipelines is published on the registries CI reaches, so this checks what breaks a
copied pipeline most often: stages/jobs/steps in the right places, every job with steps (or a template), every task
named with its major version (Name@N), dependsOn naming jobs or stages that exist, and conditions that are strings
with balanced parentheses.

Usage: validate-azure-pipelines.py FILE...   exit 0 when every file passes, 1 with one line per problem otherwise.
"""
import re, sys
import yaml

STEP_KINDS = {'script', 'bash', 'pwsh', 'powershell', 'task', 'checkout', 'download', 'publish', 'template', 'downloadBuild', 'getPackage', 'restoreCache', 'saveCache', 'reviewApp'}
TOP_LEVEL = {'trigger', 'pr', 'schedules', 'variables', 'pool', 'stages', 'jobs', 'steps', 'resources', 'name', 'parameters', 'extends', 'appendCommitMessageToRunName', 'lockBehavior'}

def check(path):
    problems = []
    def fail(where, message):
        problems.append(f"{path}: {where}: {message}")
    try:
        with open(path, encoding='utf-8') as f:
            doc = yaml.safe_load(f)
    except yaml.YAMLError as e:
        return [f"{path}: not valid YAML: {e}"]
    if not isinstance(doc, dict):
        return [f"{path}: the top level is not a mapping"]
    for key in doc:
        if key not in TOP_LEVEL:
            fail('/', f"unknown top-level key '{key}'")
    if sum(k in doc for k in ('stages', 'jobs', 'steps', 'extends')) != 1:
        fail('/', "needs exactly one of stages, jobs, steps or extends")

    def check_condition(where, value):
        if not isinstance(value, str):
            fail(where, "condition is not a string")
        elif value.count('(') != value.count(')'):
            fail(where, f"condition has unbalanced parentheses: {value}")

    def check_steps(where, steps):
        if not isinstance(steps, list) or not steps:
            fail(where, "steps is not a non-empty list")
            return
        for i, step in enumerate(steps):
            at = f"{where}/steps[{i}]"
            if not isinstance(step, dict):
                fail(at, "a step is not a mapping")
                continue
            kinds = [k for k in step if k in STEP_KINDS]
            if len(kinds) != 1:
                fail(at, f"a step needs exactly one of {', '.join(sorted(STEP_KINDS))}; found {kinds or list(step)}")
            if 'task' in step and not re.fullmatch(r'[A-Za-z][\w.-]*@\d+', str(step['task'])):
                fail(at, f"task '{step['task']}' is not Name@MajorVersion")
            if 'condition' in step:
                check_condition(at, step['condition'])
            if 'env' in step and not isinstance(step['env'], dict):
                fail(at, "env is not a mapping")

    def check_jobs(where, jobs):
        if not isinstance(jobs, list) or not jobs:
            fail(where, "jobs is not a non-empty list")
            return
        names = {j.get('job') or j.get('deployment') for j in jobs if isinstance(j, dict)}
        for i, job in enumerate(jobs):
            at = f"{where}/jobs[{i}]"
            if not isinstance(job, dict):
                fail(at, "a job is not a mapping")
                continue
            if 'template' in job:
                continue
            name = job.get('job') or job.get('deployment')
            if not name:
                fail(at, "a job has no 'job' name")
            at = f"{where}/{name}"
            if 'steps' not in job and 'strategy' not in job:
                fail(at, "a job has no steps")
            if 'steps' in job:
                check_steps(at, job['steps'])
            depends = job.get('dependsOn', [])
            for dep in [depends] if isinstance(depends, str) else depends:
                if dep not in names:
                    fail(at, f"dependsOn names '{dep}', which is not a job of this stage")
            if 'condition' in job:
                check_condition(at, job['condition'])
            if 'timeoutInMinutes' in job and not isinstance(job['timeoutInMinutes'], int):
                fail(at, "timeoutInMinutes is not a number")

    if 'stages' in doc:
        stages = doc['stages']
        if not isinstance(stages, list) or not stages:
            fail('/stages', "stages is not a non-empty list")
        else:
            names = {s.get('stage') for s in stages if isinstance(s, dict)}
            for i, stage in enumerate(stages):
                if not isinstance(stage, dict) or ('stage' not in stage and 'template' not in stage):
                    fail(f"/stages[{i}]", "a stage has no 'stage' name")
                    continue
                if 'template' in stage:
                    continue
                depends = stage.get('dependsOn', [])
                for dep in [depends] if isinstance(depends, str) else depends:
                    if dep not in names:
                        fail(f"/{stage['stage']}", f"dependsOn names '{dep}', which is not a stage")
                check_jobs(f"/{stage['stage']}", stage.get('jobs'))
    elif 'jobs' in doc:
        check_jobs('', doc['jobs'])
    elif 'steps' in doc:
        check_steps('', doc['steps'])
    return problems

def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    problems = [p for path in sys.argv[1:] for p in check(path)]
    for problem in problems:
        print(f"azure pipelines: {problem}")
    print(f"azure pipelines: {len(sys.argv) - 1} file(s), {len(problems)} problem(s)")
    return 1 if problems else 0

if __name__ == '__main__':
    sys.exit(main())
