import AzureEngine
import RBACEngine
import ReachKit
import ReachModel

/// `kube-reach azure-access` (text and JSON) and the can-i JSON with the Azure part. Formatting only.
extension AzureFormatter {
    /// can-i JSON: the Kubernetes decision unchanged plus `azure` and `allowedWithAzure`.
    public static func decision(_ d: Decision, diagnostics: [Diagnostic], grants: [AzureGrant], objectID: String?,
                                analysis: AzureAnalysis) -> String {
        JSONText.encode([
            "allowed": .bool(d.allowed),
            "bySystemMasters": .bool(d.bySystemMasters),
            "identity": RBACJSONFormatter.identity(d.identity),
            "request": RBACJSONFormatter.request(d.request),
            "grants": .array(d.grants.map(RBACJSONFormatter.grant)),
            "diagnostics": .array(diagnostics.map(DiagnosticsFormatter.jsonObject)),
            "allowedWithAzure": .bool(d.allowed || !grants.isEmpty),
            "azure": decisionAzure(grants, objectID: objectID, analysis: analysis),
        ])
    }

    /// The `azure` member of a can-i answer (also each check of `query --azure`).
    public static func decisionAzure(_ grants: [AzureGrant], objectID: String?, analysis: AzureAnalysis) -> JSONValue {
        ["enabled": .bool(analysis.authorizer.azureRBACEnabled), "objectId": .string(objectID),
         "allowed": .bool(!grants.isEmpty), "grants": .array(grants.map(grant)),
         "diagnostics": .array(analysis.diagnostics.map(DiagnosticsFormatter.jsonObject))]
    }

    /// The text report of one principal.
    public static func accessText(_ r: AzureAccessReport, analysis: AzureAnalysis) -> String {
        var out = "Azure access of \(r.principal)\(r.label.map { " (\($0))" } ?? "") — object \(r.objectID)\n"
        out += "\nKubernetes identity: "
        if let id = r.kubernetesIdentity { out += "\(id)\n" } else { out += "none (the cluster has no Entra ID integration)\n" }
        out += "\nAzure RBAC for Kubernetes Authorization (\(r.azureRBACEnabled ? "on" : "off: assignments below grant nothing in the cluster")):\n"
        if r.azureRBAC.isEmpty { out += "  no assignment with AKS data actions covers the cluster\n" }
        for row in r.azureRBAC {
            out += "  \(row.scope == "*" ? "cluster-wide" : "namespace \(row.scope)"): \(row.grant)\n"
            if row.dataActions.count > 1 { out += row.dataActions.map { "    allows \($0)\n" }.joined() }
            out += row.notDataActions.map { "    except \($0)\n" }.joined()
        }
        out += "\nIdentity edges:\n"
        if r.routes.isEmpty { out += "  none\n" }
        for route in r.routes {
            out += "  \(route.technique.rawValue) \(route.from) → \(route.to): \(route.technique.title)\n"
            for e in route.evidence { out += "      \(e)\n" }
        }
        var text = SafeText.terminalText(out)
        if let access = r.kubernetesAccess {
            text += "\nKubernetes RBAC of that identity:\n" + RBACTextFormatter.access(access)
        }
        return text + SafeText.terminalText(diagnosticsText(analysis.diagnostics))
    }

    /// The JSON report of one principal.
    public static func accessJSON(_ r: AzureAccessReport, analysis: AzureAnalysis) -> String {
        var o: JSONValue = [
            "principal": .string(r.principal.description), "objectId": .string(r.objectID), "name": .string(r.label),
            "azureRbacEnabled": .bool(r.azureRBACEnabled),
            "kubernetesIdentity": r.kubernetesIdentity.map { RBACJSONFormatter.identity($0) } ?? .null,
            "azureRbac": .array(r.azureRBAC.map { row in
                ["scope": .string(row.scope), "grant": grant(row.grant), "dataActions": .strings(row.dataActions),
                 "notDataActions": .strings(row.notDataActions)]
            }),
            "routes": .array(r.routes.map(route)),
            "diagnostics": .array(analysis.diagnostics.map(DiagnosticsFormatter.jsonObject)),
        ]
        if let access = r.kubernetesAccess { o["kubernetesAccess"] = accessValue(access) }
        return JSONText.encode(o)
    }

    /// The "Azure RBAC" part of `access --azure` (text): the assignments acting on the cluster.
    public static func azureRBACText(_ r: AzureAccessReport?, analysis: AzureAnalysis) -> String {
        var out = "\nAzure RBAC for Kubernetes Authorization"
        guard let r else { return SafeText.terminalText(out + ": no opinion (not an Entra principal of the --azure folder)\n") }
        out += " (\(r.azureRBACEnabled ? "on" : "off: grants nothing in the cluster")) for \(r.principal):\n"
        if r.azureRBAC.isEmpty { out += "  no assignment with AKS data actions covers the cluster\n" }
        for row in r.azureRBAC {
            out += "  \(row.scope == "*" ? "cluster-wide" : "namespace \(row.scope)"): \(row.grant)\n"
            if row.dataActions.count > 1 { out += row.dataActions.map { "    allows \($0)\n" }.joined() }
            out += row.notDataActions.map { "    except \($0)\n" }.joined()
        }
        return SafeText.terminalText(out + diagnosticsText(analysis.diagnostics))
    }

    /// `access --azure` JSON: the access document plus `azure` (the azure-access document or null).
    public static func accessWithAzure(_ summary: AccessSummary, diagnostics: [Diagnostic], azure r: AzureAccessReport?,
                                       analysis: AzureAnalysis) -> String {
        var o = accessValue(summary)
        o["diagnostics"] = .array(diagnostics.map(DiagnosticsFormatter.jsonObject))
        o["azure"] = r.map { r in
            ["principal": .string(r.principal.description), "objectId": .string(r.objectID), "azureRbacEnabled": .bool(r.azureRBACEnabled),
             "azureRbac": .array(r.azureRBAC.map { row in
                 ["scope": .string(row.scope), "grant": grant(row.grant), "dataActions": .strings(row.dataActions),
                  "notDataActions": .strings(row.notDataActions)]
             })]
        } ?? .null
        return JSONText.encode(o)
    }

    /// The `access` document's shape (RBACJSONFormatter.access) as a value.
    static func accessValue(_ summary: AccessSummary) -> JSONValue {
        let scopes: [JSONValue] = summary.scopes.map { scope in
            ["namespace": .string(scope.namespace),
             "rows": .array(scope.rows.map { r -> JSONValue in
                 ["apiGroup": .string(r.apiGroup), "resource": .string(r.resource), "resourceNames": .strings(r.resourceNames),
                  "nonResourceURL": .string(r.nonResourceURL), "verbs": .strings(r.verbs), "bindings": .strings(r.bindings)]
             }),
             "grants": .array(scope.grants.map(RBACJSONFormatter.grant))]
        }
        return ["identity": RBACJSONFormatter.identity(summary.identity), "bySystemMasters": .bool(summary.bySystemMasters),
                "scopes": .array(scopes)]
    }

    /// `{"technique", "title", "from", "to", "evidence"}`.
    public static func route(_ r: AzureRoute) -> JSONValue {
        ["technique": .string(r.technique.rawValue), "title": .string(r.technique.title), "from": .string(r.from),
         "to": .string(r.to), "evidence": .strings(r.evidence)]
    }
}
