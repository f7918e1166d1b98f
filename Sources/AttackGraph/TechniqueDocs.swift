/// Generates `docs/attack-techniques.md` from the technique files (a test keeps the committed file
/// equal to this text; `KUBE_REACH_UPDATE_GOLDENS=1 swift test --filter AttackGraphTests` rewrites it).
public enum TechniqueDocs {
    /// The Markdown document.
    /// - Complexity: O(number of techniques).
    public static func markdown() -> String {
        var out = """
        # Attack techniques (privilege-escalation edges)

        <!-- Generated from Sources/AttackGraph/Techniques/*.swift by TechniqueDocs; do not edit. -->

        `kube-reach paths`, `kube-reach who-can … --transitive` and the `paths` list of `kube-reach query`
        follow these edges (contract: escalation.md). An edge `A → B` means an actor holding identity A can,
        with only the listed API permissions, act with the permissions of B. Conditions are RBAC request
        attributes `(verb, apiGroup, resource[/subresource], name, namespace)` evaluated exactly like a
        check; `""` is the core group; a *fresh name* is a name the attacker chooses (only rules without
        `resourceNames` allow it). Each technique is one file `Sources/AttackGraph/Techniques/<ID>.swift`
        with a positive and a negative fixture under `Fixtures/attacks/<ID>/`.

        States are identities (`User:u`, `ServiceAccount:N/a`, `Group:g`) and self-grant states
        `X+ClusterRole:R@N`, `X+Role:N/R@N`, `X+ALL@scope`, whose extra permissions apply only within
        their scope. Paths are minimal (breadth-first); ties between techniques reaching the same state are
        broken by the order of this table.


        """
        out += "| # | ID | technique | exact RBAC condition (all must hold) | target(s) | fixture |\n"
        out += "|---|---|---|---|---|---|\n"
        for (i, t) in TechniqueCatalog.all.enumerated() {
            let cells = [String(i + 1), t.id.raw, t.title, t.condition, t.targets,
                         "[`\(t.id.raw)`](../Fixtures/attacks/\(t.id.raw)/)"]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        out += """

        ## Modelling choices

        * Candidates come from the input: ServiceAccount objects (targets), ServiceAccounts, Users and Groups
          named in bindings (start identities; Users/Groups also impersonation and certificate targets),
          `Group:system:masters` always (it is interned by the RBAC index; E12 excludes it), Pods (SA,
          `spec.nodeName`, token mount), token Secrets, pod controllers, MutatingWebhookConfigurations and
          namespaces (Namespace objects and namespaces of objects).
        * A pod's token is mounted unless `automountServiceAccountToken: false` is set on the Pod or, when
          the Pod does not set it, on its ServiceAccount. E7, E8 and E11 need it; E1, E6 and E13 do not.
        * A state carries at most one self-grant: binding another role from `X+G1` yields `X+G2`, so routes
          that need two self-grants at once are not found (under-approximation). E10 considers the
          bindings of X in the input, not bindings X created itself.
        * Edges that cannot be on a minimal path are left out, so the graph stays linear in the input
          (proofs in `Sources/AttackGraph/GrantSubsumption.swift` and `RoleDominance.swift`; the
          random-world tests compare against the unreduced graph): no self-grant `X → X+G` when X
          already holds everything G adds; of several roles the same sources may bind, only the largest
          (the first of equal ones); no other self-grant from a state that can reach `X+ALL@*`, and no
          `ALL@N`-covered grant of N from one that can reach `X+ALL@N`; E10 keeps the first binding
          per scope; states that hold every request (`system:masters`, `X+ALL@*`) have no out-edges.
          Distances and reachability are exactly those of the full graph; when several grant states
          are equally close, a path names the larger role.
        * "Cluster-admin-equivalent" (`paths --to-admin`) is the request `(*, *, *)` at cluster scope: only
          fully wildcarded rules, `system:masters` and `X+ALL@*` allow it.
        * Not modelled (escalation.md): node takeover through privileged pods, `create roles` + `escalate`
          + `bind` on a new role, non-token secrets holding credentials, `patch nodes`, Node-authorizer paths,
          `pods/portforward`, `services/proxy`, validating webhooks, `userextras`/`uids`, other CSR signers,
          cloud IAM and operator-specific edges. RBAC objects are a lower bound on access.

        """
        return out + "\n" + FootholdDocs.markdown()
    }
}
