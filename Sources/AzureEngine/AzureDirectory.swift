import ReachModel

/// The Entra objects kube-reach knows (group member files, role assignment principals, managed
/// identities) and transitive group membership.
public struct AzureDirectory: Sendable {
    /// Object ID → what is known of it (lowercased IDs).
    public let objects: [String: AzureDirectoryObject]
    /// Object ID → every group that contains it, directly or through nested groups, sorted.
    public let groupsOf: [String: [String]]
    /// Group ID → every member reached through nested groups (nested groups included), sorted.
    public let membersOf: [String: [String]]
    /// Managed identity by principal ID and by name.
    public let identitiesByPrincipal: [String: AzureManagedIdentity]
    public let identitiesByName: [String: AzureManagedIdentity]
    /// The kubelet identity's object ID (`identityProfile.kubeletidentity.objectId` of `aks.json`,
    /// lowercased), named as a managed identity even when `identities.json` does not list it.
    public let kubeletObjectID: String?
    /// Principal type from role assignments (`User`, `Group`, `ServicePrincipal`) by object ID.
    let assignedTypes: [String: (type: String, name: String?)]

    /// - Complexity: O(G × (M + G)) for G groups with M member entries (one search per group);
    ///   cycles in nesting are harmless (visited sets).
    public init(environment env: AzureEnvironment) {
        var objects: [String: AzureDirectoryObject] = [:]
        var children: [String: [String]] = [:]
        for (group, members) in env.groupMembers.sorted(by: { $0.key < $1.key }) {
            for m in members {
                if objects[m.id] == nil || objects[m.id]?.userPrincipalName == nil { objects[m.id] = m }
                children[group, default: []].append(m.id)
            }
        }
        var membersOf: [String: [String]] = [:], groupsOf: [String: Set<String>] = [:]
        for group in children.keys {
            var seen: Set<String> = [group], stack = [group], leaves: Set<String> = []
            while let g = stack.popLast() {
                for c in children[g] ?? [] where seen.insert(c).inserted {
                    groupsOf[c, default: []].insert(group)
                    leaves.insert(c)
                    if children[c] != nil { stack.append(c) }
                }
            }
            membersOf[group] = leaves.sorted()
        }
        self.objects = objects
        self.groupsOf = groupsOf.mapValues { $0.sorted() }
        self.membersOf = membersOf
        identitiesByPrincipal = Dictionary(env.identities.map { ($0.principalId, $0) }, uniquingKeysWith: { a, _ in a })
        identitiesByName = Dictionary(env.identities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        kubeletObjectID = env.cluster?.string("identityProfile.kubeletidentity.objectId")?.lowercased()
        var types: [String: (String, String?)] = [:]
        for a in env.roleAssignments where types[a.principalId] == nil { types[a.principalId] = (a.principalType, a.principalName) }
        assignedTypes = types
    }

    /// How kube-reach names the object `oid`: a managed identity by name, the kubelet identity
    /// missing from `identities.json` as `ManagedIdentity:<object id>` (as AZ8 names it), else by
    /// the kind known from group files or role assignments (service principal when unknown).
    /// - Complexity: O(1) expected.
    public func principal(for oid: String) -> AzurePrincipalRef {
        if let mi = identitiesByPrincipal[oid] { return AzurePrincipalRef(.managedIdentity, mi.name) }
        if oid == kubeletObjectID { return AzurePrincipalRef(.managedIdentity, oid) }
        switch objects[oid]?.kind {
        case .user?: return AzurePrincipalRef(.user, oid)
        case .group?: return AzurePrincipalRef(.group, oid)
        case .servicePrincipal?: return AzurePrincipalRef(.servicePrincipal, oid)
        default: break
        }
        switch assignedTypes[oid]?.type.lowercased() {
        case "user": return AzurePrincipalRef(.user, oid)
        case "group": return AzurePrincipalRef(.group, oid)
        default: return AzurePrincipalRef(.servicePrincipal, oid)
        }
    }

    /// The user principal name of a user, from group files or a `User` role assignment's `principalName`.
    public func userPrincipalName(for oid: String) -> String? {
        if let upn = objects[oid]?.userPrincipalName { return upn }
        guard let t = assignedTypes[oid], t.type.lowercased() == "user" else { return nil }
        return t.name
    }

    /// UPN, else display name, else the `principalName` `az` printed.
    public func label(for oid: String) -> String? {
        objects[oid]?.userPrincipalName ?? objects[oid]?.displayName ?? assignedTypes[oid]?.name
    }

    /// The object ID `ref` stands for: a managed identity's principal ID, an object ID, or (for
    /// `AzureUser:<upn>`) the user with that UPN. `nil` when unknown.
    /// - Complexity: O(objects) for a UPN, O(1) expected otherwise.
    public func objectID(of ref: AzurePrincipalRef) -> String? {
        if ref.kind == .managedIdentity {
            return identitiesByName[ref.id]?.principalId ?? (ref.id.lowercased() == kubeletObjectID ? kubeletObjectID : nil)
        }
        let id = ref.id.lowercased()
        if objects[id] != nil || assignedTypes[id] != nil || groupsOf[id] != nil || membersOf[id] != nil { return id }
        if ref.kind == .user, let hit = objectID(forUPN: ref.id) { return hit }
        return nil
    }

    /// The user whose UPN is `upn` (case-insensitive), from group files or role assignments.
    public func objectID(forUPN upn: String) -> String? {
        let u = upn.lowercased()
        if let hit = objects.values.filter({ $0.userPrincipalName?.lowercased() == u }).map(\.id).min() { return hit }
        return assignedTypes.filter { $0.value.type.lowercased() == "user" && $0.value.name?.lowercased() == u }.map(\.key).min()
    }

    /// Every object ID kube-reach knows (assignment principals, group members, managed identities), sorted.
    public var allObjectIDs: [String] {
        Set(objects.keys).union(assignedTypes.keys).union(identitiesByPrincipal.keys).sorted()
    }
}
