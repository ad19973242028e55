import { CATEGORIES } from '../glossary/schema';

/** The <option>s of a category <select>, in the glossary's order, named in the UI language. */
export function CategoryOptions({ label }: { label: (category: string) => string }) {
  return (
    <>
      {CATEGORIES.map((category) => (
        <option key={category} value={category}>
          {label(category)}
        </option>
      ))}
    </>
  );
}
