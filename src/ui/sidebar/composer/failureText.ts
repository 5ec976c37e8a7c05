/**
 * The composer's failure wording lives in the app's one error policy (`ui/common/errorText.ts`);
 * this name stays for the save bridge's import until it imports the policy itself.
 */
export { failureText, type FailureText } from '../../common/errorText';
