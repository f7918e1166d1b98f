import Foundation
import RBACEngine
import ReachKit
import ReachModel

/// RBAC answers as JSON (keys sorted; see ``JSONText``). `query` output is the interfaces.md
/// contract; the can-i/who-can/access documents are kube-reach's own, stable shapes.
public enum RBACJSONFormatter {
    public static func query(_ document: [String: Any]) -> String { JSONText.encode(document) }

    public static func decision(_ d: Decision, diagnostics: [Diagnostic] = []) -> String {
        JSONText.encode([
            "allowed": d.allowed,
            "bySystemMasters": d.bySystemMasters,
            "identity": identity(d.identity),
            "request": request(d.request),
            "grants": d.grants.map(grant),
            "diagnostics": diagnostics.map(DiagnosticsFormatter.jsonObject),
        ] as [String: Any])
    }

    public static func whoCan(_ answer: WhoCanAnswer, index: RBACIndex, diagnostics: [Diagnostic] = []) -> String {
        let subjects = index.subjects(of: answer)
        let details: [[String: Any]] = subjects.map { s in
            let grants = index.grants(in: answer, for: s)
            var o: [String: Any] = ["subject": s.description, "grants": grants.map(grant)]
            if grants.isEmpty { o["convention"] = "system:masters" }
            return o
        }
        return JSONText.encode(["request": request(answer.request), "subjects": subjects.map(\.description),
                                "details": details, "diagnostics": diagnostics.map(DiagnosticsFormatter.jsonObject)] as [String: Any])
    }

    public static func access(_ summary: AccessSummary, diagnostics: [Diagnostic] = []) -> String {
        let scopes: [[String: Any]] = summary.scopes.map { scope in
            [
                "namespace": scope.namespace.map { $0 as Any } ?? NSNull(),
                "rows": scope.rows.map { r -> [String: Any] in
                    ["apiGroup": r.apiGroup, "resource": r.resource, "resourceNames": r.resourceNames,
                     "nonResourceURL": r.nonResourceURL, "verbs": r.verbs, "bindings": r.bindings]
                },
                "grants": scope.grants.map(grant),
            ]
        }
        return JSONText.encode(["identity": identity(summary.identity), "bySystemMasters": summary.bySystemMasters,
                                "scopes": scopes, "diagnostics": diagnostics.map(DiagnosticsFormatter.jsonObject)] as [String: Any])
    }

    static func identity(_ i: Identity) -> [String: Any] {
        ["user": i.user.map { $0 as Any } ?? NSNull(), "groups": i.groups]
    }

    static func request(_ r: AccessRequest) -> [String: Any] {
        if !r.isResourceRequest { return ["verb": r.verb, "nonResourceURL": r.nonResourceURL] }
        return ["verb": r.verb, "apiGroup": r.apiGroup, "resource": r.resource, "subresource": r.subresource,
                "name": r.name, "namespace": r.namespace]
    }

    static func location(_ l: SourceLocation?) -> Any {
        guard let l else { return NSNull() }
        return ["file": l.file, "document": l.document, "line": l.line, "column": l.column, "text": l.description] as [String: Any]
    }

    static func ref(_ r: ObjectRef, _ l: SourceLocation?) -> [String: Any] {
        ["kind": r.kind.rawValue, "namespace": r.namespace.map { $0 as Any } ?? NSNull(), "name": r.name, "location": location(l)]
    }

    static func grant(_ g: Grant) -> [String: Any] {
        let rule: [String: Any] = [
            "verbs": g.rule.verbs, "apiGroups": g.rule.apiGroups, "resources": g.rule.resources,
            "resourceNames": g.rule.resourceNames, "nonResourceURLs": g.rule.nonResourceURLs,
            "location": location(g.rule.location),
        ]
        return ["binding": ref(g.binding, g.bindingLocation), "role": ref(g.role, g.roleLocation), "rule": rule,
                "aggregatedFrom": g.aggregatedFrom.map { $0 as Any } ?? NSNull(), "via": g.via.description]
    }
}
