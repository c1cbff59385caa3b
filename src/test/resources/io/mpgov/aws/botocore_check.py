"""botocore's own code reads what the sandbox answered and what mpgov's SDK clients sent.

stdin: a JSON list of {service, operation, status, headers, body (base64), params (the request's members)}.
stdout: a JSON object {"botocore": version, "data": folder, "problems": [...]}.

For each exchange: botocore's response parser for the service's protocol parses the answer with the
operation's output shape (or as an error, whose code must be one the operation declares); what it parsed
must pass botocore's ParamValidator against the output shape; and the request's members must pass it
against the input shape.
"""
import base64
import json
import os
import sys

import botocore
import botocore.session
from botocore.compat import HTTPHeaders
from botocore.exceptions import ParamValidationError
from botocore.parsers import create_parser
from botocore.validate import ParamValidator

session = botocore.session.get_session()
models = {}
problems = []


def model(name):
    if name not in models:
        models[name] = session.get_service_model(name)
    return models[name]


def validate(params, shape, where):
    report = ParamValidator().validate(params, shape)
    if report.has_errors():
        problems.append(f"{where}: botocore's validator: {report.generate_report()}")


def headers(values):
    h = HTTPHeaders()
    for k, v in values.items():
        h[k] = v
    return h


def strip_metadata(parsed):
    parsed = dict(parsed)
    parsed.pop("ResponseMetadata", None)
    return parsed


for e in json.load(sys.stdin):
    name = f"{e['service']} {e['operation']}"
    try:
        m = model(e["service"])
        op = m.operation_model(e["operation"])
    except Exception as ex:  # an operation botocore does not know is a finding in itself
        problems.append(f"{name}: botocore does not know it: {ex}")
        continue
    if op.input_shape is not None:
        validate(e["params"], op.input_shape, f"{name} request")
    response = {
        "status_code": e["status"],
        "headers": headers(e["headers"]),
        "body": base64.b64decode(e["body"]),
    }
    try:
        parsed = create_parser(m.protocol).parse(response, op.output_shape)
    except Exception as ex:
        problems.append(f"{name} response: botocore's {m.protocol} parser fails: {type(ex).__name__}: {ex}")
        continue
    if e["status"] >= 300:
        code = parsed.get("Error", {}).get("Code")
        declared = [s.name for s in op.error_shapes] + [s.error_code for s in op.error_shapes]
        if not code:
            problems.append(f"{name} error {e['status']}: botocore reads no error code")
        elif code not in declared and code not in e.get("commonErrors", []):
            problems.append(f"{name} error: botocore reads the code {code!r}, not one the operation declares {declared}")
    elif op.output_shape is not None:
        validate(strip_metadata(parsed), op.output_shape, f"{name} response (as botocore parsed it)")

json.dump({"botocore": botocore.__version__, "data": os.path.join(os.path.dirname(botocore.__file__), "data"),
           "problems": problems}, sys.stdout)
