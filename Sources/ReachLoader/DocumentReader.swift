import ReachModel

/// Interprets one parsed document root: a single object, a `kind: List`, or a typed `*List`.
struct DocumentReader {
    let decoder: ObjectDecoder
    let ctx: DecodeContext

    func read(_ root: Field, into builder: inout ChunkResult) {
        if root.isNull { return }
        guard root.node.kind == .mapping else {
            ctx.error(DiagnosticID.notAnObject, root.node, "", "document is \(root.kindName), not a Kubernetes object")
            return
        }
        let kind = root["kind"]?.string()
        let apiVersion = root["apiVersion"]?.string()
        if let kind, kind.hasSuffix("List"), root.has("items") {
            let itemKind = kind == "List" ? nil : String(kind.dropLast(4))
            for item in root["items"]?.list() ?? [] {
                let k = item["kind"]?.string() ?? itemKind
                let v = item["apiVersion"]?.string() ?? (kind == "List" ? nil : apiVersion)
                readObject(item, kind: k, apiVersion: v, into: &builder)
            }
            return
        }
        readObject(root, kind: kind, apiVersion: apiVersion, into: &builder)
    }

    private func readObject(_ f: Field, kind: String?, apiVersion: String?, into builder: inout ChunkResult) {
        guard f.node.kind == .mapping else {
            ctx.error(DiagnosticID.notAnObject, f.node, f.path, "expected a Kubernetes object, found \(f.kindName)")
            return
        }
        guard let kind, !kind.isEmpty else {
            if Self.isAKSClusterDocument(f) {
                builder.skippedKinds[Self.aksClusterKey, default: 0] += 1
                return
            }
            ctx.error(DiagnosticID.notAnObject, f.node, f.path.isEmpty ? "kind" : "\(f.path).kind",
                      "object has no kind; skipped")
            return
        }
        guard let apiVersion, !apiVersion.isEmpty else {
            ctx.error(DiagnosticID.notAnObject, f.node, f.path.isEmpty ? "apiVersion" : "\(f.path).apiVersion",
                      "\(kind) has no apiVersion; skipped")
            return
        }
        if let adminKind = ObjectDecoder.adminKind(kind: kind, apiVersion: apiVersion) {
            readAdminPolicy(f, kind: adminKind, into: &builder)
            return
        }
        if let ciliumKind = ObjectDecoder.ciliumKind(kind: kind, apiVersion: apiVersion) {
            readCiliumPolicy(f, kind: ciliumKind, into: &builder)
            return
        }
        if ObjectDecoder.isCalicoTier(kind: kind, apiVersion: apiVersion) {
            readCalicoTier(f, into: &builder)
            return
        }
        if kind == "SecretProviderClass", apiVersion.hasPrefix("secrets-store.csi.x-k8s.io/") {
            ctx.beginObject()
            guard let spc = decoder.secretProviderClass(f), ctx.objectErrors == 0 else {
                ctx.warning(DiagnosticID.objectSkipped, f.node, f.path, "SecretProviderClass skipped because of its errors")
                return
            }
            builder.secretProviderClasses.append(spc)
            return
        }
        if let calicoKind = ObjectDecoder.calicoKind(kind: kind, apiVersion: apiVersion) {
            readCalicoPolicy(f, kind: calicoKind, into: &builder)
            return
        }
        guard let objectKind = Self.modelledKind(kind: kind, apiVersion: apiVersion) else {
            builder.skippedKinds["\(apiVersion) \(kind)", default: 0] += 1
            return
        }
        ctx.beginObject()
        let object = decoder.decode(f, kind: objectKind)
        if ctx.objectErrors > 0 || object == nil {
            let nameNode = f.node.value(forKey: "metadata")?.value(forKey: "name")
            let name = nameNode.map { $0.kind == .scalar ? $0.string : "?" } ?? "?"
            ctx.warning(DiagnosticID.objectSkipped, f.node, f.path, "\(kind) '\(name)' skipped because of its errors")
            return
        }
        if let object { builder.add(object, kind: objectKind) }
    }

    /// A `policy.networking.k8s.io` tier policy (kept apart from the modelled kinds).
    private func readAdminPolicy(_ f: Field, kind: AdminNetworkPolicy.Kind, into builder: inout ChunkResult) {
        ctx.beginObject()
        let policy = decoder.adminNetworkPolicy(f, kind: kind)
        guard ctx.objectErrors == 0, let policy else {
            let nameNode = f.node.value(forKey: "metadata")?.value(forKey: "name")
            let name = nameNode.map { $0.kind == .scalar ? $0.string : "?" } ?? "?"
            ctx.warning(DiagnosticID.objectSkipped, f.node, f.path, "\(kind.rawValue) '\(name)' skipped because of its errors")
            return
        }
        builder.adminPolicies.append(policy)
    }

    /// A `cilium.io/v2` policy (kept apart from the modelled kinds).
    private func readCiliumPolicy(_ f: Field, kind: CiliumPolicy.Kind, into builder: inout ChunkResult) {
        ctx.beginObject()
        guard let policy = decoder.ciliumPolicy(f, kind: kind), ctx.objectErrors == 0 else {
            ctx.warning(DiagnosticID.objectSkipped, f.node, f.path, "\(kind.rawValue) skipped because of its errors")
            return
        }
        builder.ciliumPolicies.append(policy)
    }

    /// Key under which `az aks show` / ARM ManagedCluster documents are counted as skipped.
    static let aksClusterKey = "Microsoft.ContainerService/managedClusters (AKS cluster configuration)"

    /// Whether a kind-less document is an AKS ManagedCluster (ARM REST shape with `type`, or the
    /// flattened `az aks show` shape with `agentPoolProfiles`).
    static func isAKSClusterDocument(_ f: Field) -> Bool {
        guard f.node.kind == .mapping else { return false }
        for (k, v) in f.node.pairs where k.kind == .scalar {
            let key = k.string.lowercased()
            if key == "type", v.kind == .scalar, v.string.lowercased() == "microsoft.containerservice/managedclusters" { return true }
            if key == "agentpoolprofiles" { return true }
            if key == "properties", v.pairs.contains(where: { $0.key.kind == .scalar && $0.key.string.lowercased() == "agentpoolprofiles" }) {
                return true
            }
        }
        return false
    }

    /// The modelled kind for (`kind`, `apiVersion`), or `nil` when the group/version is not the
    /// core one for that kind (e.g. Calico's `projectcalico.org/v3` NetworkPolicy).
    /// - Complexity: O(length of `apiVersion`); no allocation for `group/version` and `version`.
    static func modelledKind(kind: String, apiVersion: String) -> ObjectKind? {
        guard let k = ObjectKind(rawValue: kind), let rules = kindRules[k] else { return nil }
        let group: Substring, version: Substring
        // ASCII (every real apiVersion): bytes are Characters, so the split is a byte search.
        let u = apiVersion.utf8, ascii = u.allSatisfy { $0 < 0x80 }
        let slash = ascii ? u.firstIndex(of: UInt8(ascii: "/")) : nil
        if let slash, slash != u.startIndex, u.index(after: slash) != u.endIndex,
           u.lastIndex(of: UInt8(ascii: "/")) == slash {
            (group, version) = (apiVersion[..<slash], apiVersion[u.index(after: slash)...])
        } else if ascii, slash == nil {
            (group, version) = ("", apiVersion[...])
        } else {
            // Leading, trailing or repeated '/': the split's own reading.
            let parts = apiVersion.split(separator: "/", maxSplits: 1)
            (group, version) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts.first ?? "")
        }
        guard rules.groups.contains(where: { $0 == group }) else { return nil }
        if let versions = rules.versions, !versions.contains(where: { $0 == version }) { return nil }
        return k
    }

    /// ``ObjectKind/apiGroups`` and ``ObjectKind/acceptedVersions`` per kind, built once (those
    /// properties build a new `Set` on each call, once per loaded object otherwise).
    private static let kindRules: [ObjectKind: (groups: [String], versions: [String]?)] =
        Dictionary(uniqueKeysWithValues: ObjectKind.allCases.map { ($0, (Array($0.apiGroups), $0.acceptedVersions.map(Array.init))) })
}
