package markdown

// BlockKind is the kind of a top-level Block. Its text is what the
// redline differ keys blocks by, so the values must not change.
type BlockKind string

// The kinds of top-level block.
const (
	BlockHeading     BlockKind = "heading"
	BlockParagraph   BlockKind = "paragraph"
	BlockList        BlockKind = "list"
	BlockTable       BlockKind = "table"
	BlockCode        BlockKind = "code"
	BlockHTML        BlockKind = "html"
	BlockQuote       BlockKind = "blockquote"
	BlockRule        BlockKind = "hr"
	BlockFootnotes   BlockKind = "footnotes"
	BlockDefinitions BlockKind = "deflist"
	BlockTOC         BlockKind = "toc"
	BlockOther       BlockKind = "other" // anything else
)
