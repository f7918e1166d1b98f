import ArgumentParser
import Foundation
import RBACEngine
import ReachKit
import ReachReports

/// The request of can-i / who-can: `VERB [RESOURCE[/SUB] [NAME]] [-n NS]` or `VERB --non-resource-url /path`.
struct RequestArguments: ParsableArguments {
    @Argument(help: "The verb (get, list, create, …), case-sensitive like RBAC.")
    var verb: String

    @Argument(help: ArgumentHelp("resource[.group][/subresource], e.g. secrets, pods/exec, deployments.apps/scale.",
                                 valueName: "resource"))
    var resource: String?

    @Argument(help: "Resource name (omit for list/watch/create).")
    var name: String?

    @Option(name: [.customShort("n"), .customLong("namespace")], help: "Namespace of the request (omit for cluster scope).")
    var namespace: String = ""

    @Option(name: .customLong("api-group"), help: "API group (overrides resource.group; \"\" is core).")
    var apiGroup: String?

    @Option(name: .customLong("non-resource-url"), help: "A non-resource request path such as /metrics or /healthz.")
    var nonResourceURL: String?

    func validate() throws {
        if nonResourceURL != nil, resource != nil { throw ValidationError("give either RESOURCE or --non-resource-url, not both") }
        if nonResourceURL == nil, (resource ?? "").isEmpty { throw ValidationError("missing RESOURCE (or --non-resource-url PATH)") }
        if let url = nonResourceURL, !url.hasPrefix("/") { throw ValidationError("--non-resource-url must start with /") }
    }

    /// The engine request: `resource.group/sub` split like kubectl (`deployments.apps/scale`).
    var request: AccessRequest {
        if let url = nonResourceURL { return .nonResource(verb: verb, path: url) }
        let text = resource ?? ""
        let slash = text.firstIndex(of: "/")
        let main = slash.map { String(text[..<$0]) } ?? text
        let sub = slash.map { String(text[text.index(after: $0)...]) } ?? ""
        let dot = main.firstIndex(of: ".")
        let res = dot.map { String(main[..<$0]) } ?? main
        let group = apiGroup ?? dot.map { String(main[main.index(after: $0)...]) } ?? ""
        return AccessRequest(verb: verb, apiGroup: group, resource: res, subresource: sub, name: name ?? "", namespace: namespace)
    }
}

/// `--no-masters` and `--output` for RBAC commands.
struct RBACOutputOptions: ParsableArguments {
    @Flag(name: .customLong("no-masters"), help: "Do not apply the system:masters convention (it bypasses RBAC in real clusters).")
    var noMasters = false

    @Option(name: [.customShort("o"), .customLong("output")],
            help: "Output format: text or json; access and who-can --transitive also draw dot, svg, png or pdf.")
    var output: RBACOutputFormat = .text

    @Option(name: .customLong("out-file"), help: ArgumentHelp("Write a graph (dot, svg, png, pdf) to this file instead of standard output.", valueName: "file"))
    var outFile: String?

    /// The graph format chosen, `nil` for text and JSON.
    var graphFormat: GraphFormat? { GraphFormat(rawValue: output.rawValue) }

    /// For commands that only answer in text or JSON.
    func requireTextOrJSON(_ command: String) throws {
        if graphFormat != nil { throw ValidationError("\(command) answers in text or json; graphs are drawn by access, who-can --transitive and paths") }
    }
}

/// Output formats of the RBAC commands.
enum RBACOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, dot, svg, png, pdf
}

/// Shared helpers of RBAC commands.
enum RBACCommandSupport {
    /// Parses `User:name`, `ServiceAccount:ns/name` or `Group:name` (access only).
    static func principal(_ text: String, allowGroup: Bool) throws -> Principal {
        guard let p = Principal(parsing: text) else {
            throw ValidationError("expected User:NAME or ServiceAccount:NAMESPACE/NAME\(allowGroup ? " or Group:NAME" : ""), got '\(text)'")
        }
        if case .group = p, !allowGroup { throw ValidationError("--as takes a User or ServiceAccount, not a Group (use --as-group)") }
        return p
    }
}
