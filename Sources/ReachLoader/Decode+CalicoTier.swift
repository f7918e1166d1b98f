import ReachModel

/// `projectcalico.org/v3` Tier decoding (projectcalico/calico
/// `api/pkg/apis/projectcalico/v3/tier.go`; Calico docs, *Tier* resource: `order` a float,
/// `defaultAction` `Deny` or `Pass`). An invalid object is reported with its location and dropped.
extension ObjectDecoder {
    static func isCalicoTier(kind: String, apiVersion: String) -> Bool {
        apiVersion == "projectcalico.org/v3" && kind == "Tier"
    }

    /// - Complexity: O(size of the object).
    func calicoTier(_ root: Field) -> CalicoTier? {
        guard let meta = meta(root, kind: .clusterRole, kindName: "Tier") else { return nil }
        var tier = CalicoTier(meta: meta, order: nil)
        guard let spec = root["spec"] else { return tier }
        if let o = spec["order"] {
            guard o.node.kind == .scalar, o.number != nil, let v = Double(o.node.string), v.isFinite else {
                o.ctx.error(DiagnosticID.wrongType, o.node, o.path, "expected a number")
                return nil
            }
            tier.order = v
        }
        if let a = spec["defaultAction"] {
            guard let text = a.string() else { return nil }
            guard let action = CalicoTier.DefaultAction(rawValue: text) else {
                a.ctx.error(DiagnosticID.invalidValue, a.node, a.path, "unsupported defaultAction '\(text)' (Deny, Pass)")
                return nil
            }
            tier.defaultAction = action
        }
        return tier
    }
}

extension DocumentReader {
    /// A Calico `Tier` (kept apart from the modelled kinds, like the Calico policies).
    func readCalicoTier(_ f: Field, into builder: inout ChunkResult) {
        ctx.beginObject()
        let tier = decoder.calicoTier(f)
        guard ctx.objectErrors == 0, let tier else {
            let nameNode = f.node.value(forKey: "metadata")?.value(forKey: "name")
            let name = nameNode.map { $0.kind == .scalar ? $0.string : "?" } ?? "?"
            ctx.warning(DiagnosticID.objectSkipped, f.node, f.path, "Tier '\(name)' skipped because of its errors")
            return
        }
        builder.calicoTiers.append(tier)
    }
}
