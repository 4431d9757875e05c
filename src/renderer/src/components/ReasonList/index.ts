export { ReasonList, reasonKey, type Reason, type ReasonListProps } from './ReasonList';
