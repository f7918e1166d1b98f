import ReachModel

/// POD-IMG-002: images are pinned (no `:latest`, no missing tag).
struct MutableImageTag: PodCheck {
    let info = CheckInfo(
        id: "POD-IMG-002", severity: .medium, input: .manifests,
        title: "Image uses :latest or no tag",
        rationale: "`:latest` and untagged images change under the same name: deployments are not reproducible and a pushed malicious image is picked up on the next pull.",
        remediation: "Reference an immutable version tag or, better, a digest (`image@sha256:…`).",
        recommendation: "Images not :latest/untagged")

    func problem(_ pod: PodSubject, _ options: AuditOptions) -> String? {
        let bad = pod.spec.containers.compactMap { c -> String? in
            guard let image = c.image, !image.isEmpty else { return nil }
            let ref = ImageReference(image)
            if ref.digest != nil { return nil }
            if let tag = ref.tag, tag != "latest" { return nil }
            return "\(c.name)=\(image)"
        }
        return bad.isEmpty ? nil : "mutable image reference: \(bad.listText)"
    }
}
