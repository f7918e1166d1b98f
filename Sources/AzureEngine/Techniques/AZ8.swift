import ReachModel

/// AZ8 — use the kubelet's managed identity from a node.
///
/// Condition: a `Node:n` (or `Node:*`) state of the foothold search (footholds.md: root on a node,
/// reached by F1–F3 or as a `--from`) **and** `aks.json` names the kubelet identity
/// (`identityProfile.kubeletidentity.objectId`).
/// Target: `ManagedIdentity:<name>` (by its `identities.json` name, else `ManagedIdentity:<object id>`).
///
/// Follows MicrosoftDocs `articles/aks/managed-identity-overview.md` and
/// `pre-created-kubelet-managed-identity.md` (the kubelet identity is the user-assigned managed
/// identity AKS assigns to the node pools); the Azure Instance Metadata Service hands a managed
/// identity's tokens to the machine it is assigned to, so root on the node can act as it
/// (kube-reach's reading of those pages, docs/azure.md). No further condition is checked.
///
/// The `Node:` states exist only in the foothold graph (AttackGraph, which AzureEngine does not
/// import, ARCHITECTURE.md), so the search that crosses this edge is
/// `ReachKit/AzurePaths+Footholds.swift` (`AzurePathFinder.footholdEdges(from:)`); it asks
/// ``route(_:from:)`` for the edge of each node state.
public enum AZ8: AzureTechnique {
    public static let technique = AzureRoute.Technique.kubeletIdentity
    public static let title = "use the kubelet's managed identity from the node"
    public static let condition = """
        a `Node:` foothold (root on a node, footholds.md) **and** `identityProfile.kubeletidentity.objectId` \
        in `aks.json`; edge of the foothold search (`--footholds` or a foothold `--from`/`--to`)
        """
    public static let targets = "`ManagedIdentity:<kubelet identity>` (its `identities.json` name, else its object ID)"
    public static let source = "`articles/aks/managed-identity-overview.md`, `pre-created-kubelet-managed-identity.md`"

    /// The AZ8 edge from the foothold state named `node` (`Node:n` or `Node:*`) to the kubelet
    /// identity, with that identity's object ID; `nil` when `aks.json` names no kubelet identity.
    /// - Complexity: O(1) expected.
    public static func route(_ a: AzureAuthorizer, from node: String) -> (route: AzureRoute, objectID: String)? {
        guard let kubelet = a.kubeletIdentity() else { return nil }
        let route = AzureRoute(technique, from: node, to: kubelet.ref.description,
                               evidence: ["aks.json identityProfile.kubeletidentity.objectId: \(kubelet.objectID)"])
        return (route, kubelet.objectID)
    }
}

extension AzureAuthorizer {
    /// The kubelet identity (`identityProfile.kubeletidentity`): the managed identity whose
    /// principal ID is its `objectId` (by name when in `identities.json`, else `ManagedIdentity:<objectId>`).
    /// A `Node:` foothold reaches it (``AZ8``).
    /// - Complexity: O(1) expected.
    public func kubeletIdentity() -> (ref: AzurePrincipalRef, objectID: String)? {
        guard let oid = environment.cluster?.string("identityProfile.kubeletidentity.objectId")?.lowercased() else { return nil }
        if let mi = directory.identitiesByPrincipal[oid] { return (AzurePrincipalRef(.managedIdentity, mi.name), oid) }
        return (AzurePrincipalRef(.managedIdentity, oid), oid)
    }
}
