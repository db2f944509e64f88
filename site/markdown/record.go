package markdown

// Section is one section of a Document's plain text: a top-level heading
// and everything up to the next top-level heading of any level, as the
// redline groups a page's blocks. The text before the first heading
// belongs to no section.
type Section struct {
	ID    string // the heading's id
	Title string // the heading's plain text
	Level int    // the heading's level, after level shifting
	// Text is the section's part of Document.Plain: from the heading's
	// line up to the next section's heading, or to the end, without the
	// blank lines that end it, and ending in one "\n".
	Text string
}
