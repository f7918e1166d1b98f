import RBACEngine
import ReachModel

/// K8S-RBAC-019: the same role granted to the same subject more than once.
struct RBACDuplicateGrant: AuditCheck {
    let info = CheckInfo(
        id: "K8S-RBAC-019", severity: .low, input: .rbac,
        title: "Subject is granted the same role more than once",
        rationale: "Duplicate grants hide the real source of a permission: removing one binding (to revoke access) leaves the other in force.",
        remediation: "Keep one binding per subject and role; drop RoleBindings of a ClusterRole the subject already holds cluster-wide.",
        recommendation: "Hygiene: duplicate grants")

    /// Duplicates: two bindings of one role to one subject in the same scope, or a RoleBinding of a
    /// ClusterRole that a ClusterRoleBinding already grants the subject everywhere.
    /// - Complexity: O(Σ binding subjects).
    func evaluate(_ context: AuditContext) -> [Finding] {
        guard let facts = context.rbac else { return [] }
        let index = facts.index
        struct Key: Hashable { var subject: Int32; var role: Int; var namespace: String? }
        var byKey: [Key: [Int]] = [:]
        for (i, b) in index.bindings.enumerated() {
            guard let role = b.role else { continue }
            for s in Set(b.subjects) { byKey[Key(subject: s, role: role, namespace: b.namespace), default: []].append(i) }
        }
        var perSubject: [Int32: [(text: String, bindings: [Int])]] = [:]
        for (key, list) in byKey {
            let role = index.roles[key.role].ref
            let wide = key.namespace == nil ? [] : (byKey[Key(subject: key.subject, role: key.role, namespace: nil)] ?? [])
            guard list.count > 1 || !wide.isEmpty else { continue }
            let all = (wide + list).sorted()
            let names = all.map { index.bindings[$0].ref.description }.joined(separator: ", ")
            let scope = key.namespace.map { "in namespace \($0)" } ?? "cluster-wide"
            perSubject[key.subject, default: []].append(("\(role) \(scope) by \(names)", all))
        }
        return perSubject.keys.sorted().compactMap { s in
            let p = index.principals[Int(s)]
            guard p != .masters, let items = perSubject[s] else { return nil }
            let ids = Array(Set(items.flatMap(\.bindings))).sorted()
            let refs = ids.map { index.bindings[$0].ref }
            var annotations: [String: String] = [:]
            for r in refs { annotations.merge(facts.meta[r]?.annotations ?? [:]) { a, b in "\(a),\(b)" } }
            return finding(p.description, "granted " + items.map(\.text).sorted().joined(separator: "; "),
                           at: ids.map { index.bindings[$0].location }, annotations: annotations,
                           fix: "keep one of \(refs.map(\.description).joined(separator: ", ")) for \(p)",
                           system: refs.allSatisfy(facts.isSystem))
        }
    }
}
