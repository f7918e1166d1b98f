import ReachModel

/// Port matchers of the admin kinds: v1alpha2 `protocols` entries and v1alpha1 `ports` entries.
extension ObjectDecoder {
    /// v1alpha2 `ClusterNetworkPolicyProtocol`: exactly one of `tcp`/`udp`/`sctp` (each with a
    /// `destinationPort` of exactly one of `number` / `range`) or `destinationNamedPort`.
    func cnpProtocol(_ f: Field) -> AdminNetworkPolicy.Port? {
        guard let pairs = f.pairs() else { return nil }
        guard pairs.count == 1, let (key, value) = pairs.first else {
            f.ctx.error(DiagnosticID.invalidValue, f.node, f.path,
                        "exactly one of tcp, udp, sctp, destinationNamedPort must be set, found \(pairs.count)")
            return nil
        }
        let proto: NetworkProtocol
        switch key {
        case "destinationNamedPort":
            guard let name = value.string(), !name.isEmpty else { return nil }
            return .named(name)
        case "tcp": proto = .tcp
        case "udp": proto = .udp
        case "sctp": proto = .sctp
        default:
            f.ctx.error(DiagnosticID.invalidValue, f.node, f.path, "unknown field '\(key)' (tcp, udp, sctp, destinationNamedPort)")
            return nil
        }
        guard let dest = value["destinationPort"] else {
            value.ctx.error(DiagnosticID.missingField, value.node, "\(value.path).destinationPort", "required field is missing")
            return nil
        }
        if let range = dest["range"] {
            guard !dest.has("number") else {
                dest.ctx.error(DiagnosticID.invalidValue, dest.node, dest.path, "exactly one of number, range must be set")
                return nil
            }
            return portRange(range, proto)
        }
        guard let n = dest["number"]?.int() else {
            dest.ctx.error(DiagnosticID.missingField, dest.node, "\(dest.path).number", "one of number, range is required")
            return nil
        }
        return portNumber(n, dest["number"], proto)
    }

    /// v1alpha1 `AdminNetworkPolicyPort`: exactly one of `portNumber {protocol, port}`,
    /// `portRange {protocol, start, end}`, `namedPort`; protocol defaults to TCP.
    func anpPort(_ f: Field) -> AdminNetworkPolicy.Port? {
        guard let pairs = f.pairs() else { return nil }
        guard pairs.count == 1, let (key, value) = pairs.first else {
            f.ctx.error(DiagnosticID.invalidValue, f.node, f.path,
                        "exactly one of portNumber, portRange, namedPort must be set, found \(pairs.count)")
            return nil
        }
        let proto = key == "namedPort" ? .tcp : value["protocol"].flatMap(networkProtocol) ?? .tcp
        switch key {
        case "namedPort":
            guard let name = value.string(), !name.isEmpty else { return nil }
            return .named(name)
        case "portNumber":
            guard let n = value["port"]?.int() else {
                value.ctx.error(DiagnosticID.missingField, value.node, "\(value.path).port", "required field is missing")
                return nil
            }
            return portNumber(n, value["port"], proto)
        case "portRange":
            return portRange(value, proto)
        default:
            f.ctx.error(DiagnosticID.invalidValue, f.node, f.path, "unknown field '\(key)' (portNumber, portRange, namedPort)")
            return nil
        }
    }

    private func portNumber(_ n: Int, _ f: Field?, _ proto: NetworkProtocol) -> AdminNetworkPolicy.Port? {
        guard (1...65535).contains(n) else {
            f?.ctx.error(DiagnosticID.invalidValue, f?.node, f?.path ?? "", "port \(n) out of range 1-65535")
            return nil
        }
        return .number(proto, n)
    }

    /// `{start, end}`, 1 ≤ start < end ≤ 65535 (the CRD's CEL rule `self.start < self.end`).
    private func portRange(_ r: Field, _ proto: NetworkProtocol) -> AdminNetworkPolicy.Port? {
        guard let start = r["start"]?.int(), let end = r["end"]?.int() else {
            r.ctx.error(DiagnosticID.missingField, r.node, r.path, "start and end are required")
            return nil
        }
        guard (1...65535).contains(start), (1...65535).contains(end), start < end else {
            r.ctx.error(DiagnosticID.invalidValue, r.node, r.path, "range \(start)-\(end): need 1 ≤ start < end ≤ 65535")
            return nil
        }
        return .range(proto, start, end)
    }
}
