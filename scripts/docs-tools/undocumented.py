#!/usr/bin/env python3
"""Lists the public declarations of swift-sso's library modules that have no doc comment.

Reads the symbol graphs the DocC plugin extracted (one directory per module) and exits 1 when
any public symbol declared under Sources/ lacks a doc comment. Witnesses of a protocol
requirement are exempt (DocC shows the protocol's documentation for them): requirements of this
package's own protocols come from the graphs, and those of the standard library, Foundation and
Hummingbird protocols the package conforms to are listed below.

usage: undocumented.py SYMBOL_GRAPH_ROOT MODULE...
"""
import json
import os
import sys

# Requirements of external protocols that public types here implement, by protocol.
EXTERNAL_REQUIREMENTS = {
    "Swift.CustomStringConvertible": {"description"},
    "Swift.CustomDebugStringConvertible": {"debugDescription"},
    "Swift.CustomReflectable": {"customMirror"},
    "Swift.Equatable": {"==(_:_:)"},
    "Swift.Hashable": {"hash(into:)", "hashValue"},
    "Swift.Comparable": {"<(_:_:)"},
    "Swift.Encodable": {"encode(to:)"},
    "Swift.Decodable": {"init(from:)"},
    "Swift.Codable": {"encode(to:)", "init(from:)"},
    "Swift.RawRepresentable": {"rawValue", "init(rawValue:)", "RawValue"},
    "Swift.CaseIterable": {"allCases", "AllCases"},
    "Swift.ExpressibleByStringLiteral": {"init(stringLiteral:)"},
    "Swift.ExpressibleByUnicodeScalarLiteral": {"init(unicodeScalarLiteral:)"},
    "Swift.ExpressibleByExtendedGraphemeClusterLiteral": {"init(extendedGraphemeClusterLiteral:)"},
    "Swift.Sequence": {"makeIterator()", "Element", "Iterator"},
    "Swift.Error": set(),
    "Foundation.LocalizedError": {"errorDescription"},
    "Hummingbird.RequestContext": {"coreContext", "init(source:)", "Source", "requestDecoder",
                                   "responseEncoder", "maxUploadSize"},
    "Hummingbird.RouterMiddleware": {"handle(_:context:next:)", "Input", "Output", "Context"},
    "HummingbirdCore.ResponseGenerator": {"response(from:context:)"},
    "Hummingbird.ResponseGenerator": {"response(from:context:)"},
    "Hummingbird.ResponseEncodable": set(),
    "Hummingbird.ResponseCodable": set(),
    "HummingbirdCore.HTTPResponseError": {"status", "headers", "response(from:context:)"},
    "Hummingbird.HTTPResponseError": {"status", "headers", "response(from:context:)"},
}


def load(root, module):
    folder = os.path.join(root, module)
    graphs = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".symbols.json"):
            with open(os.path.join(folder, name)) as handle:
                graphs.append(json.load(handle))
    return graphs


def main():
    root, modules = sys.argv[1], sys.argv[2:]
    graphs = [graph for module in modules for graph in load(root, module)]
    symbols, parent, conformances, requirements = {}, {}, {}, {}
    for graph in graphs:
        for symbol in graph["symbols"]:
            symbols[symbol["identifier"]["precise"]] = symbol
        for relation in graph["relationships"]:
            kind, source, target = relation["kind"], relation["source"], relation["target"]
            if kind == "memberOf":
                parent[source] = target
            elif kind == "conformsTo":
                fallback = relation.get("targetFallback") or target
                conformances.setdefault(source, set()).update({fallback, target})
            elif kind in ("requirementOf", "optionalRequirementOf"):
                requirements.setdefault(target, set()).add(source)

    def requirement_names(protocol):
        names = set(EXTERNAL_REQUIREMENTS.get(protocol, set()))
        for requirement in requirements.get(protocol, ()):
            if requirement in symbols:
                names.add(symbols[requirement]["pathComponents"][-1])
        return names

    missing = []
    for precise, symbol in symbols.items():
        if symbol.get("accessLevel") != "public" or "::SYNTHESIZED::" in precise:
            continue
        if symbol["kind"]["identifier"] == "swift.extension":
            continue
        uri = symbol.get("location", {}).get("uri", "")
        if "/Sources/" not in uri or symbol.get("docComment"):
            continue
        name = symbol["pathComponents"][-1]
        owner = parent.get(precise)
        if owner is not None:
            protocols = set(conformances.get(owner, ()))
            if any(name in requirement_names(protocol) for protocol in protocols):
                continue
        line = symbol["location"]["position"]["line"] + 1
        path = uri.split("/Sources/", 1)[1]
        missing.append(f"Sources/{path}:{line}: {'.'.join(symbol['pathComponents'])}")
    for entry in sorted(set(missing)):
        print(f"undocumented public symbol: {entry}")
    if missing:
        print(f"{len(set(missing))} public symbols have no doc comment", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
