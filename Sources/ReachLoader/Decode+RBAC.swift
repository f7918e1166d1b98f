import ReachModel

extension ObjectDecoder {
    func rules(_ root: Field, namespaced: Bool) -> [PolicyRule] {
        guard let list = root["rules"]?.list() else { return [] }
        return list.map { r in
            let rule = PolicyRule(
                verbs: r["verbs"]?.stringList() ?? [],
                apiGroups: r["apiGroups"]?.stringList() ?? [],
                resources: r["resources"]?.stringList() ?? [],
                resourceNames: r["resourceNames"]?.stringList() ?? [],
                nonResourceURLs: r["nonResourceURLs"]?.stringList() ?? [],
                location: r.location)
            if rule.verbs.isEmpty {
                r.ctx.warning(DiagnosticID.missingField, r.node, "\(r.path).verbs", "rule has no verbs: it grants nothing")
            }
            if !rule.nonResourceURLs.isEmpty {
                if namespaced {
                    r.ctx.warning(DiagnosticID.invalidValue, r.node, "\(r.path).nonResourceURLs",
                                  "namespaced Roles cannot grant nonResourceURLs (the API server rejects this)")
                }
                if !rule.resources.isEmpty {
                    r.ctx.warning(DiagnosticID.invalidValue, r.node, r.path,
                                  "rule mixes resources and nonResourceURLs (the API server rejects this)")
                }
            } else if rule.apiGroups.isEmpty && !rule.resources.isEmpty {
                r.ctx.warning(DiagnosticID.missingField, r.node, "\(r.path).apiGroups",
                              "resource rule has no apiGroups: it grants nothing")
            }
            return rule
        }
    }

    /// Most (verb, group, resource, name) combinations one role's rules may spell out. Engines
    /// expand rules into such combinations (`access`, least-privilege narrowing), so one role of
    /// 20 rules × 1,000 verbs × 1,000 resources (200 KB of YAML, no aliases) took minutes and
    /// gigabytes. The largest roles of real clusters (the aggregated `edit`/`admin`) spell out a
    /// few thousand; a role over this budget is an error (KR-LOAD-012) and is not analysed.
    static let ruleExpansionBudget = 1_000_000

    /// Σ over rules of verbs × apiGroups × resources × max(1, resourceNames) (+ verbs ×
    /// nonResourceURLs), saturating. - Complexity: O(rules).
    static func expansion(_ rules: [PolicyRule]) -> Int {
        var total = 0
        for r in rules {
            let parts = [r.verbs.count, max(1, r.apiGroups.count), max(1, r.resources.count), max(1, r.resourceNames.count)]
            var n = 1
            for p in parts { n = n.multipliedReportingOverflow(by: p).overflow ? Int.max / 2 : min(n * p, Int.max / 2) }
            total = min(Int.max / 2, total + n + r.verbs.count * r.nonResourceURLs.count)
        }
        return total
    }

    /// Records the budget error when `rules` expand beyond ``ruleExpansionBudget``.
    private func withinBudget(_ root: Field, _ rules: [PolicyRule]) -> Bool {
        let n = Self.expansion(rules)
        guard n > Self.ruleExpansionBudget else { return true }
        root.ctx.error(DiagnosticID.limit, root["rules"]?.node ?? root.node, "rules",
                       "rules expand to \(n) (verb, group, resource, name) combinations, over the budget of "
                           + "\(Self.ruleExpansionBudget); role not analysed")
        return false
    }

    func role(_ root: Field) -> Role? {
        guard let meta = meta(root, kind: .role) else { return nil }
        let rules = rules(root, namespaced: true)
        guard withinBudget(root, rules) else { return nil }
        return Role(meta: meta, rules: rules)
    }

    func clusterRole(_ root: Field) -> ClusterRole? {
        guard let meta = meta(root, kind: .clusterRole) else { return nil }
        let rules = rules(root, namespaced: false)
        guard withinBudget(root, rules) else { return nil }
        var selectors: [LabelSelector]? = nil
        if let agg = root["aggregationRule"] {
            selectors = (agg["clusterRoleSelectors"]?.list() ?? []).map(selector)
        }
        return ClusterRole(meta: meta, rules: rules, aggregationSelectors: selectors)
    }

    func roleRef(_ root: Field) -> RoleRef? {
        guard let ref = root["roleRef"] else {
            root.ctx.error(DiagnosticID.missingField, root.node, "roleRef", "required field is missing")
            return nil
        }
        guard let kind = required(ref, "kind"), let name = required(ref, "name") else { return nil }
        guard let roleKind = RoleKind(rawValue: kind) else {
            ref.ctx.error(DiagnosticID.invalidValue, ref["kind"]?.node, "roleRef.kind",
                          "must be Role or ClusterRole, found '\(kind)'")
            return nil
        }
        // rbac/v1 defaulting fills an empty apiGroup; validation (pkg/apis/rbac/validation
        // ValidateRoleBinding) then accepts only rbac.authorization.k8s.io ("Unsupported value").
        let group = ref["apiGroup"]?.string() ?? ""
        if !group.isEmpty, group != "rbac.authorization.k8s.io" {
            ref.ctx.error(DiagnosticID.invalidValue, ref["apiGroup"]?.node, "roleRef.apiGroup",
                          "unsupported value '\(NameRules.shown(group))': must be rbac.authorization.k8s.io")
            return nil
        }
        return RoleRef(apiGroup: "rbac.authorization.k8s.io", kind: roleKind, name: name)
    }

    func subjects(_ root: Field) -> [Subject] {
        (root["subjects"]?.list() ?? []).compactMap { s in
            guard let kind = required(s, "kind"), let name = required(s, "name") else { return nil }
            return Subject(kind: kind, name: name, namespace: s["namespace"]?.string(), apiGroup: s["apiGroup"]?.string())
        }
    }

    func roleBinding(_ root: Field) -> RoleBinding? {
        guard let meta = meta(root, kind: .roleBinding), let ref = roleRef(root) else { return nil }
        return RoleBinding(meta: meta, roleRef: ref, subjects: subjects(root))
    }

    func clusterRoleBinding(_ root: Field) -> ClusterRoleBinding? {
        guard let meta = meta(root, kind: .clusterRoleBinding), let ref = roleRef(root) else { return nil }
        if ref.kind == .role {
            root.ctx.error(DiagnosticID.invalidValue, root["roleRef"]?.node, "roleRef.kind",
                           "a ClusterRoleBinding can only reference a ClusterRole")
            return nil
        }
        return ClusterRoleBinding(meta: meta, roleRef: ref, subjects: subjects(root))
    }

    func serviceAccount(_ root: Field) -> ServiceAccount? {
        guard let meta = meta(root, kind: .serviceAccount) else { return nil }
        return ServiceAccount(
            meta: meta,
            automountServiceAccountToken: root["automountServiceAccountToken"]?.bool(),
            secretNames: (root["secrets"]?.list() ?? []).compactMap { $0["name"]?.string() },
            imagePullSecretNames: (root["imagePullSecrets"]?.list() ?? []).compactMap { $0["name"]?.string() })
    }
}
