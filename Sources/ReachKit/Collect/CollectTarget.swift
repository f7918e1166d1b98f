import Foundation
import ReachModel

/// One `kubectl get` of `collect`: a modelled kind, the resource name kubectl is asked for and the
/// file it is written to.
///
/// The list is ``ReachModel/ObjectKind/allCases`` — the kinds the loader models — and nothing
/// else: adding a kind to `ObjectKind` adds it to `collect`. Resource names are derived, never
/// listed a second time: the plural of the kind (English rules: `-y` → `-ies`, `-s` → `-ses`,
/// else `-s`; every modelled kind follows them), qualified with the kind's API group so that a
/// same-named custom resource (Calico's `networkpolicies.crd.projectcalico.org`) is never read
/// instead. Core kinds are unqualified (`pods`).
public struct CollectTarget: Sendable, Equatable {
    public var kind: ObjectKind

    public init(kind: ObjectKind) { self.kind = kind }

    /// Every modelled kind, in `ObjectKind` declaration order (namespaces first), except the Gateway
    /// API kinds: they are custom resources that most clusters do not serve, and `kubectl get` of a
    /// resource type the server does not know fails (collect would then exit 2). Export them with
    /// `kubectl get gateways,httproutes,grpcroutes -A -o json` where installed.
    public static var all: [CollectTarget] {
        ObjectKind.allCases.filter { !$0.apiGroups.contains("gateway.networking.k8s.io") }.map(CollectTarget.init(kind:))
    }

    /// The API group kubectl is asked for: the kind's only group, or — for kinds also accepted
    /// from the legacy `extensions` group (served until 1.16 for workloads, 1.22 for Ingress) —
    /// the current one.
    public var apiGroup: String {
        let groups = kind.apiGroups.count > 1 ? kind.apiGroups.subtracting(["extensions"]) : kind.apiGroups
        return groups.sorted().first ?? ""
    }

    /// The lower-case plural of the kind: `NetworkPolicy` → `networkpolicies`.
    public var plural: String {
        let lower = kind.rawValue.lowercased()
        if lower.hasSuffix("y") { return lower.dropLast() + "ies" }
        if lower.hasSuffix("s") { return lower + "es" }
        return lower + "s"
    }

    /// The resource argument of `kubectl get`: `pods`, `networkpolicies.networking.k8s.io`.
    public var resource: String { apiGroup.isEmpty ? plural : "\(plural).\(apiGroup)" }

    /// The file written under the output folder: `<Kind>.json`.
    public var fileName: String { "\(kind.rawValue).json" }

    /// Arguments after `kubectl` (connection flags first): every namespace for namespaced kinds,
    /// JSON, no managed fields (they list every field name of every object, Secret data keys
    /// included, and are not read).
    public func kubectlArguments(connection: [String]) -> [String] {
        connection + ["get", resource] + (kind.isNamespaced ? ["--all-namespaces"] : [])
            + ["-o", "json", "--show-managed-fields=false"]
    }
}
