"""Previews (or, with `up`, updates) a Python program with the real engine through the
Automation API (which hosts the program itself, so no Python language host is needed),
and prints as JSON what it plans to create, {"creates": [{type, inputs, provider}]}, or
its error, {"error": "..."}.

Usage: run.py MODULE_DIR MODULE FUNCTION WORK_DIR PULUMI_ROOT [preview|up]
"""
import importlib
import json
import os
import sys

from pulumi import automation as auto


def main() -> None:
    module_dir, module, function, work_dir, pulumi_root = sys.argv[1:6]
    action = sys.argv[6] if len(sys.argv) > 6 else "preview"
    sys.path.insert(0, module_dir)
    program = getattr(importlib.import_module(module), function)
    stack = auto.create_or_select_stack(
        stack_name="python",
        project_name="skupper-python-e2e",
        program=program,
        opts=auto.LocalWorkspaceOptions(
            work_dir=work_dir,
            env_vars=dict(os.environ),
            pulumi_command=auto.PulumiCommand(root=pulumi_root, skip_version_check=True),
        ),
    )
    creates = []

    def on_event(event: auto.EngineEvent) -> None:
        pre = event.resource_pre_event
        if pre is not None and pre.metadata.op == auto.OpType.CREATE and pre.metadata.new is not None:
            creates.append({"type": pre.metadata.type, "inputs": pre.metadata.new.inputs, "provider": pre.metadata.new.provider})

    try:
        if action == "up":
            stack.up(on_event=on_event)
        else:
            stack.preview(on_event=on_event)
    except auto.CommandError as error:
        print(json.dumps({"error": str(error)}))
        return
    print(json.dumps({"creates": creates}))


if __name__ == "__main__":
    main()
