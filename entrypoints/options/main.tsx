import { render } from 'preact';
import { Options } from './Options';
import '../../components/ui.css';

document.documentElement.lang = navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
render(<Options />, document.getElementById('app') as HTMLElement);
