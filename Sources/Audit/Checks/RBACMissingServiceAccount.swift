import RBACEngine
import ReachModel

/// K8S-RBAC-017: bindings naming ServiceAccounts that do not exist.
struct RBACMissingServiceAccount: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-017", severity: .medium, input: .rbac,
        title: "Binding names a ServiceAccount that does not exist",
        rationale: "The permissions wait for whoever creates a ServiceAccount of that name: anyone allowed to create ServiceAccounts in the namespace claims them.",
        remediation: "Remove the subject from the binding, or create the ServiceAccount it was meant for.",
        recommendation: "Hygiene: bindings to non-existent ServiceAccounts")

    /// Only namespaces whose ServiceAccounts are in the input are judged (an input of RBAC files
    /// alone says nothing about which accounts exist), and `default` always exists.
    /// - Complexity: O(ServiceAccounts + Σ binding subjects).
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        let snapshot = facts.snapshot
        let existing = Set(snapshot.serviceAccounts.map { Principal.serviceAccount(namespace: $0.namespace ?? "", name: $0.name) })
        let judged = Set(snapshot.serviceAccounts.compactMap(\.namespace))
        var named: [Principal: [(ref: ObjectRef, location: SourceLocation)]] = [:]
        func visit(_ ref: ObjectRef, _ location: SourceLocation, _ subjects: [Subject], _ ns: String?) {
            for s in subjects where s.kind == "ServiceAccount" {
                let sns = s.namespace ?? ns ?? ""
                let p = Principal.serviceAccount(namespace: sns, name: s.name)
                if s.name != "default", judged.contains(sns), !existing.contains(p) { named[p, default: []].append((ref, location)) }
            }
        }
        for b in snapshot.clusterRoleBindings { visit(b.ref, b.location, b.subjects, nil) }
        for b in snapshot.roleBindings { visit(b.ref, b.location, b.subjects, b.namespace) }
        return named.keys.sorted().map { p in
            let list = named[p] ?? []
            let bindings = Array(Set(list.map(\.ref.description))).sorted().joined(separator: ", ")
            var annotations: [String: String] = [:]
            for l in list { annotations.merge(facts.meta[l.ref]?.annotations ?? [:]) { a, b in "\(a),\(b)" } }
            return finding(p.description, "named by \(bindings) but not in the input", at: list.map(\.location),
                           annotations: annotations, fix: "remove \(p) from \(bindings), or create the ServiceAccount",
                           system: list.allSatisfy { facts.isSystem($0.ref) })
        }
    }
}
