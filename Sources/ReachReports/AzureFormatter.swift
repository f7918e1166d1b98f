import AzureEngine
import RBACEngine
import ReachKit
import ReachModel

/// The Azure identity layer's answers (`--azure DIR`) in text and JSON: sections appended to
/// can-i / who-can, and `azure-access`. Formatting only.
public enum AzureFormatter {
    /// The "Azure RBAC" part of a text who-can answer.
    public static func whoCanText(_ holders: [AzureHolder], request: AccessRequest, analysis: AzureAnalysis) -> String {
        var out = "\nAzure RBAC for Kubernetes Authorization: "
        guard analysis.authorizer.azureRBACEnabled else {
            return SafeText.terminalText(out + "off (aadProfile.enableAzureRbac is not true): no Azure grants\n")
        }
        out += "\(holders.count) Azure principal\(holders.count == 1 ? "" : "s") can \(request)\n"
        if !holders.isEmpty {
            var table = TextTable(header: ["PRINCIPAL", "NAME", "ROLE ASSIGNMENT", "ROLE", "SCOPE", "VIA"])
            for h in holders {
                for g in h.grants {
                    guard case .assignment(let a, let role, _) = g.source else { continue }
                    table.add([h.principal.description, h.label ?? "-", a.name, role, a.scope, g.viaGroup.map { "AzureGroup:\($0)" } ?? "-"])
                }
            }
            out += "\n" + table.render()
        }
        return SafeText.terminalText(out + diagnosticsText(analysis.diagnostics))
    }

    /// `{"enabled": …, "principals": [{"principal", "name", "grants": […]}]}`.
    public static func whoCanJSON(_ holders: [AzureHolder], analysis: AzureAnalysis) -> JSONValue {
        ["enabled": .bool(analysis.authorizer.azureRBACEnabled),
         "principals": .array(holders.map { h in
             ["principal": .string(h.principal.description), "name": .string(h.label), "grants": .array(h.grants.map(grant))]
         }),
         "diagnostics": .array(analysis.diagnostics.map(DiagnosticsFormatter.jsonObject))]
    }

    /// who-can JSON with the `azure` member added (the Kubernetes part unchanged).
    public static func whoCan(_ answer: WhoCanAnswer, index: RBACIndex, diagnostics: [Diagnostic], azure: JSONValue) -> String {
        let subjects = index.subjects(of: answer)
        let details: [JSONValue] = subjects.map { s in
            let grants = index.grants(in: answer, for: s)
            var o: JSONValue = ["subject": .string(s.description), "grants": .array(grants.map(RBACJSONFormatter.grant))]
            if grants.isEmpty { o["convention"] = "system:masters" }
            return o
        }
        return JSONText.encode(["request": RBACJSONFormatter.request(answer.request), "subjects": .strings(subjects.map(\.description)),
                                "details": .array(details), "diagnostics": .array(diagnostics.map(DiagnosticsFormatter.jsonObject)),
                                "azure": azure])
    }

    /// One grant as JSON: `{"assignment", "roleAssignmentId", "role", "scope", "principalId", "matched", "viaGroup", "text"}`.
    public static func grant(_ g: AzureGrant) -> JSONValue {
        var o: JSONValue = ["text": .string(g.description), "viaGroup": .string(g.viaGroup)]
        switch g.source {
        case .assignment(let a, let role, let matched):
            o["assignment"] = .string(a.name)
            o["roleAssignmentId"] = .string(a.id)
            o["role"] = .string(role)
            o["scope"] = .string(a.scope)
            o["principalId"] = .string(a.principalId)
            o["matched"] = .string(matched)
            o["location"] = .string(a.location.description)
        case .accessPolicy(let vault, let oid):
            o["accessPolicy"] = ["vault": .string(vault), "objectId": .string(oid)]
        case .adminGroup(let g):
            o["adminGroup"] = .string(g)
        }
        return o
    }

    /// The "Azure RBAC" lines of a text can-i answer.
    public static func decisionText(_ grants: [AzureGrant], objectID: String?, analysis: AzureAnalysis) -> String {
        var out = "\nAzure RBAC for Kubernetes Authorization: "
        if !analysis.authorizer.azureRBACEnabled {
            out += "off (aadProfile.enableAzureRbac is not true)\n"
        } else if let objectID {
            out += grants.isEmpty ? "no (Entra object \(objectID))\n" : "yes (Entra object \(objectID))\n"
            for g in grants { out += "  \(g)\n" }
        } else {
            out += "no opinion (the identity is not an Entra principal in the --azure folder)\n"
        }
        return SafeText.terminalText(out + diagnosticsText(analysis.diagnostics))
    }

    static func diagnosticsText(_ diagnostics: [Diagnostic]) -> String {
        let shown = diagnostics.filter { $0.severity >= .warning }
        if shown.isEmpty { return "" }
        return "\nAzure input warnings (\(shown.count)):\n" + shown.map { "  \($0.id)  \($0)\n" }.joined()
    }
}
