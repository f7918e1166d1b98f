import Testing
@testable import ReachReports

@Suite struct SafeTextTests {
    @Test(arguments: [
        ("plain prod/api-1", "plain prod/api-1"),
        ("a\u{1B}[31mred\u{07}", #"a\x1b[31mred\x07"#),
        ("two\nlines\r\ttab", #"two\nlines\r\ttab"#),
        ("nul\u{0}del\u{7F}", #"nul\x00del\x7f"#),
        ("csi\u{9B}2J", #"csi\u{009b}2J"#),
        ("rtl\u{202E}gpj.exe", #"rtl\u{202e}gpj.exe"#),
        ("zw\u{200B}sp\u{FEFF}", #"zw\u{200b}sp\u{feff}"#),
        ("ls\u{2028}ps\u{2029}", #"ls\u{2028}ps\u{2029}"#),
        (#"back\slash \x1b"#, #"back\\slash \\x1b"#),
        ("caf\u{E9} 東京 🚀", "caf\u{E9} 東京 🚀"),
    ])
    func terminal(input: String, expected: String) {
        #expect(SafeText.terminal(input) == expected)
        var bytes: [UInt8] = [0x3E]
        SafeText.appendTerminal(input, to: &bytes)
        #expect(bytes == [0x3E] + Array(expected.utf8))
        #expect(!SafeText.terminal(input).unicodeScalars.contains(where: SafeText.isTerminalUnsafe))
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", #""a,b""#),
        (#"say "hi""#, #""say ""hi""""#),
        ("two\nlines", "\"two\nlines\""),
        ("cr\r\nlf", "\"cr\r\nlf\""),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("=1+2,3", #""'=1+2,3""#),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("-", "-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("esc\u{1B}]0;title\u{07}", #"esc\x1b]0;title\x07"#),
        (#"back\slash"#, #"back\slash"#),
        ("", ""),
    ])
    func csvField(input: String, expected: String) {
        #expect(SafeText.csvField(input) == expected)
        var bytes: [UInt8] = []
        SafeText.appendCSVField(input, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test(arguments: [
        ("prod/api-1.2", "prod/api-1.2"),
        ("a|b", #"a\|b"#),
        (#"c:\dir"#, #"c:\\dir"#),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a&amp;b", "a&amp;amp;b"),
        ("`code` *em* _u_ ~s~", #"\`code\` \*em\* \_u\_ \~s\~"#),
        ("[x](http://evil)", #"\[x\](http://evil)"#),
        ("one\ntwo\r\nthree\rfour", "one<br>two<br>three<br>four"),
        ("bell\u{07}", #"bell\x07"#),
    ])
    func markdownCell(input: String, expected: String) {
        #expect(SafeText.markdownCell(input) == expected)
    }

    @Test(arguments: [
        ("plain", "plain"),
        (#"<a href="x">'&'</a>"#, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"),
        ("esc\u{1B}bel\u{07}nul\u{0}", #"esc\x1bbel\x07nul\x00"#),
        ("tab\tlf\ncr\r", "tab\\tlf\ncr\\r"),
        ("c1\u{85}bad\u{FFFE}\u{FFFF}", #"c1\u{0085}bad\u{fffe}\u{ffff}"#),
        ("caf\u{E9}", "caf\u{E9}"),
    ])
    func xml(input: String, expected: String) {
        #expect(SafeText.xml(input) == expected)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        (#"say "hi""#, #""say \"hi\"""#),
        (#"\N\G"#, #""\\N\\G""#),
        ("two\nlines\r", #""two\nlines""#),
        ("esc\u{1B}[2J", #""esc\\x1b[2J""#),
        ("a & b &#27; &x1b; &lt;", "\"a & b \u{FF06}#27; \u{FF06}x1b; \u{FF06}lt;\""),
    ])
    func dotString(input: String, expected: String) {
        #expect(SafeText.dotString(input) == expected)
    }

    @Test func truncatedKeepsShortStringsAndCutsAtCharacterBoundaries() {
        #expect(SafeText.truncated("short", maxBytes: 200) == "short")
        #expect(SafeText.truncated("abcdefgh", maxBytes: 8) == "abcdefgh")
        #expect(SafeText.truncated("abcdefghi", maxBytes: 8) == "abcde\u{2026}")
        // "é" as e + combining acute is one character of 3 bytes: never split.
        let combining = String(repeating: "e\u{301}", count: 10)
        let cut = SafeText.truncated(combining, maxBytes: 10)
        #expect(cut == "e\u{301}e\u{301}\u{2026}")
        #expect(cut.utf8.count <= 10)
        #expect(SafeText.truncated("🚀🚀🚀", maxBytes: 8) == "🚀\u{2026}")
        #expect(SafeText.truncated("abcdef", maxBytes: 2) == "\u{2026}")
        let huge = String(repeating: "x", count: 1 << 20)
        #expect(SafeText.truncated(huge, maxBytes: 200).utf8.count == 200)
    }
}
