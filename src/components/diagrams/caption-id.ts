// Ids for diagram captions, unique within a page and the same from build to build (pages render one
// after another, so a counter is deterministic where a random id would change every deploy).
let count = 0;

export const nextCaptionId = () => `diagram-caption-${++count}`;
