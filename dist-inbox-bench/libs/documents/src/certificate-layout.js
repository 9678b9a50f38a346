"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.certificateLayoutSpec = certificateLayoutSpec;
function certificateLayoutSpec(layout) {
    const spec = typeof layout === 'function' ? { draw: layout } : layout;
    return { orientation: spec.orientation ?? 'portrait', frame: spec.frame ?? {}, draw: spec.draw };
}
