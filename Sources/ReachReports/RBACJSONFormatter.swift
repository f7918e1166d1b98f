import Foundation
import RBACEngine
import ReachKit
import ReachModel

/// RBAC answers as JSON (keys sorted; see ``JSONText``). `query` output is the interfaces.md
/// contract; the can-i/who-can/access documents are kube-reach's own, stable shapes.
public enum RBACJSONFormatter {
    public static func query(_ document: JSONValue) -> String { JSONText.encode(document) }

    public static func decision(_ d: Decision, diagnostics: [Diagnostic] = []) -> String {
        JSONText.encode([
            "allowed": .bool(d.allowed),
            "bySystemMasters": .bool(d.bySystemMasters),
            "identity": identity(d.identity),
            "request": request(d.request),
            "grants": .array(d.grants.map(grant)),
            "diagnostics": .array(diagnostics.map(DiagnosticsFormatter.jsonObject)),
        ])
    }

    public static func whoCan(_ answer: WhoCanAnswer, index: RBACIndex, diagnostics: [Diagnostic] = []) -> String {
        let subjects = index.subjects(of: answer)
        let details: [JSONValue] = subjects.map { s in
            let grants = index.grants(in: answer, for: s)
            var o: JSONValue = ["subject": .string(s.description), "grants": .array(grants.map(grant))]
            if grants.isEmpty { o["convention"] = "system:masters" }
            return o
        }
        return JSONText.encode(["request": request(answer.request), "subjects": .strings(subjects.map(\.description)),
                                "details": .array(details), "diagnostics": .array(diagnostics.map(DiagnosticsFormatter.jsonObject))])
    }

    public static func access(_ summary: AccessSummary, diagnostics: [Diagnostic] = []) -> String {
        let scopes: [JSONValue] = summary.scopes.map { scope in
            [
                "namespace": .string(scope.namespace),
                "rows": .array(scope.rows.map { r -> JSONValue in
                    ["apiGroup": .string(r.apiGroup), "resource": .string(r.resource), "resourceNames": .strings(r.resourceNames),
                     "nonResourceURL": .string(r.nonResourceURL), "verbs": .strings(r.verbs), "bindings": .strings(r.bindings)]
                }),
                "grants": .array(scope.grants.map(grant)),
            ]
        }
        return JSONText.encode(["identity": identity(summary.identity), "bySystemMasters": .bool(summary.bySystemMasters),
                                "scopes": .array(scopes), "diagnostics": .array(diagnostics.map(DiagnosticsFormatter.jsonObject))])
    }

    static func identity(_ i: Identity) -> JSONValue {
        ["user": .string(i.user), "groups": .strings(i.groups)]
    }

    static func request(_ r: AccessRequest) -> JSONValue {
        if !r.isResourceRequest { return ["verb": .string(r.verb), "nonResourceURL": .string(r.nonResourceURL)] }
        return ["verb": .string(r.verb), "apiGroup": .string(r.apiGroup), "resource": .string(r.resource),
                "subresource": .string(r.subresource), "name": .string(r.name), "namespace": .string(r.namespace)]
    }

    static func location(_ l: SourceLocation?) -> JSONValue {
        guard let l else { return .null }
        return ["file": .string(l.file), "document": .int(l.document), "line": .int(l.line), "column": .int(l.column),
                "text": .string(l.description)]
    }

    static func ref(_ r: ObjectRef, _ l: SourceLocation?) -> JSONValue {
        ["kind": .string(r.kind.rawValue), "namespace": .string(r.namespace), "name": .string(r.name), "location": location(l)]
    }

    static func grant(_ g: Grant) -> JSONValue {
        let rule: JSONValue = [
            "verbs": .strings(g.rule.verbs), "apiGroups": .strings(g.rule.apiGroups), "resources": .strings(g.rule.resources),
            "resourceNames": .strings(g.rule.resourceNames), "nonResourceURLs": .strings(g.rule.nonResourceURLs),
            "location": location(g.rule.location),
        ]
        return ["binding": ref(g.binding, g.bindingLocation), "role": ref(g.role, g.roleLocation), "rule": rule,
                "aggregatedFrom": .string(g.aggregatedFrom), "via": .string(g.via.description)]
    }
}
