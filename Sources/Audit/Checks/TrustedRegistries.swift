import ReachModel

/// POD-IMG-001: images come from trusted registries.
struct TrustedRegistries: PodCheck {
    let info = CheckInfo(
        id: "POD-IMG-001", severity: .medium, input: .manifests,
        title: "Image from an untrusted registry",
        rationale: "Images pulled from public registries can be replaced, typo-squatted or removed; a private registry (ACR) you scan and control keeps the supply chain in your hands.",
        remediation: "Import the image into your Azure Container Registry (`az acr import`) and reference it there; adjust `--trusted-registry` if the registry is approved.",
        recommendation: "Images from trusted registries (allow-list, default *.azurecr.io, mcr.microsoft.com)")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let bad = pod.spec.containers.compactMap { c -> String? in
            guard let image = c.image, !image.isEmpty else { return nil }
            return ImageReference(image).isTrusted(by: options.trustedRegistries) ? nil : "\(c.name)=\(image)"
        }
        return bad.isEmpty ? nil : "untrusted registry: \(bad.listText)"
    }
}
