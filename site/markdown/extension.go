package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// extender is the goldmark.Extender that installs all of clause's parsers,
// the AST transformer and the node renderers. It holds no state, so one
// instance may serve many concurrent conversions: per-document settings
// travel in the parser.Context.
type extender struct {
	anchorLabel string // Options.AnchorLabel
}

// Extend implements goldmark.Extender.
func (e *extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(ialParser{}, 150)),
		parser.WithInlineParsers(util.Prioritized(spanIALParser{}, 460)),
		parser.WithASTTransformers(util.Prioritized(transformer{}, 2000)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(nodeRenderer{anchorLabel: e.anchorLabel}, 500),
	))
}

// nodeRenderer renders the AST nodes this package adds.
type nodeRenderer struct {
	anchorLabel string // Options.AnchorLabel
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindAnchor, r.renderAnchor)
	reg.Register(kindTOCMarker, renderTOCMarker)
	reg.Register(kindIAL, renderNothing)
}

// renderNothing is the renderer of nodes that produce no output.
func renderNothing(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}
