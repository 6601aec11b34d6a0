"""Runs `pulumi up` of the Python example (its `program` function) through the
Automation API, which hosts the program in this interpreter: the stand-in for `pulumi up`
on a machine without the Python language host. Run with the Python of the venv the
example's requirements were installed into. Prints the stack's outputs as one JSON line.

Usage: up.py PROJECT_DIR STACK PULUMI_ROOT CONFIG_JSON
"""
import json
import sys

from pulumi import automation as auto


def main() -> None:
    project_dir, stack_name, pulumi_root, config = sys.argv[1:5]
    sys.path.insert(0, project_dir)
    from example import program

    stack = auto.create_or_select_stack(
        stack_name=stack_name,
        project_name="skupper-attached-connector-python",
        program=program,
        opts=auto.LocalWorkspaceOptions(
            work_dir=project_dir,
            pulumi_command=auto.PulumiCommand(root=pulumi_root, skip_version_check=True),
        ),
    )
    for key, value in json.loads(config).items():
        stack.set_config(key, auto.ConfigValue(value=value))
    result = stack.up()
    print(json.dumps({key: output.value for key, output in result.outputs.items()}))


if __name__ == "__main__":
    main()
