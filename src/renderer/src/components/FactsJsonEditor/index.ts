export { FactsJsonEditor, type FactsJsonEditorProps } from './FactsJsonEditor';
