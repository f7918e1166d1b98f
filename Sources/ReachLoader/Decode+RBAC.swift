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

    func role(_ root: Field) -> Role? {
        guard let meta = meta(root, kind: .role) else { return nil }
        return Role(meta: meta, rules: rules(root, namespaced: true))
    }

    func clusterRole(_ root: Field) -> ClusterRole? {
        guard let meta = meta(root, kind: .clusterRole) else { return nil }
        var selectors: [LabelSelector]? = nil
        if let agg = root["aggregationRule"] {
            selectors = (agg["clusterRoleSelectors"]?.list() ?? []).map(selector)
        }
        return ClusterRole(meta: meta, rules: rules(root, namespaced: false), aggregationSelectors: selectors)
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
        return RoleRef(apiGroup: ref["apiGroup"]?.string() ?? "rbac.authorization.k8s.io", kind: roleKind, name: name)
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
