import type { CommentText } from './commentText';
import { findMarkerTags, type MarkerTag } from './markers';

/**
 * A note (rules.md "Notes"): each marker tag starts one that runs to the next tag or the end of the
 * comment; text before the first tag is a note of its own. Offsets are into `CommentText.text`.
 */
export interface Note {
  start: number;
  end: number;
  tag: MarkerTag | null;
}

export function splitNotes(comment: CommentText): Note[] {
  const text = comment.text;
  const tags = findMarkerTags(text);
  if (tags.length === 0) return [{ start: 0, end: text.length, tag: null }];
  const notes: Note[] = [];
  if (/\S/.test(text.slice(0, tags[0].start))) notes.push({ start: 0, end: tags[0].start, tag: null });
  tags.forEach((tag, i) => {
    notes.push({ start: tag.start, end: i + 1 < tags.length ? tags[i + 1].start : text.length, tag });
  });
  return notes;
}
